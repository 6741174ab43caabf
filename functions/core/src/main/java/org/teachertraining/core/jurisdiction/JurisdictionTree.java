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

    public JurisdictionTree(List<Jurisdiction> divisions) {
        var map = new LinkedHashMap<String, Jurisdiction>();
        divisions.forEach(d -> map.put(d.code(), d));
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** Henan province, its 18 city-level units and their 157 county-level units. */
    public static JurisdictionTree henan() {
        return load("henan.tsv");
    }

    static JurisdictionTree load(String resource) {
        var divisions = new ArrayList<Jurisdiction>();
        try (var in = JurisdictionTree.class.getResourceAsStream(resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                divisions.add(new Jurisdiction(f[0], f[1], Jurisdiction.Level.valueOf(f[2]),
                        f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JurisdictionTree(divisions);
    }

    public Optional<Jurisdiction> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    public List<Jurisdiction> all() {
        return List.copyOf(byCode.values());
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
     * province end in 0000 and of a city in 00, so "4115" covers Xinyang city and its counties.
     */
    public static String subtreePrefix(String code) {
        if (code.endsWith("0000")) return code.substring(0, 2);
        if (code.endsWith("00")) return code.substring(0, 4);
        return code;
    }

    private String parentOf(String code) {
        var j = byCode.get(code);
        return j == null ? null : j.parent();
    }
}
