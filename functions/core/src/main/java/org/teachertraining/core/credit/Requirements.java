package org.teachertraining.core.credit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cycle requirements per jurisdiction, read from data (requirements.tsv), and their evaluation against a
 * teacher's ledger. Cycles are anchored: a requirement of N years starting at {@code anchorYear} runs
 * anchorYear..anchorYear+N-1, then the next N years, and so on.
 */
public final class Requirements {
    private final List<Requirement> all;

    public Requirements(List<Requirement> all) {
        this.all = List.copyOf(all);
    }

    /** The requirements of the seeds: Henan, the Sichuan district plan, new teachers, head teachers, IT 2.0. */
    public static Requirements seeds() {
        var list = new ArrayList<Requirement>();
        try (var in = Requirements.class.getResourceAsStream("requirements.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                var byCategory = new EnumMap<CreditCategory, Integer>(CreditCategory.class);
                for (String part : f[7].split(";")) {
                    if (part.isBlank()) continue;
                    String[] kv = part.split("=");
                    byCategory.put(CreditCategory.valueOf(kv[0]), Integer.parseInt(kv[1]));
                }
                list.add(Requirement.seed(f[0], f[1], f[2], Requirement.AppliesTo.valueOf(f[3]), f[4].isEmpty() ? null : f[4],
                        Integer.parseInt(f[5]), Integer.parseInt(f[6]), byCategory, f[8].equals("-") ? null : Integer.valueOf(f[8])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Requirements(list);
    }

    public List<Requirement> all() {
        return all;
    }

    public List<Requirement> of(String jurisdiction) {
        return all.stream().filter(r -> r.jurisdiction().equals(jurisdiction)).toList();
    }

    /**
     * The versions in force in {@code year}: of each requirement, the version with the latest {@code effectiveFrom} not after
     * the year (the seeds' from always), the higher version number where two start in the same year.
     */
    public Requirements inForce(int year) {
        var byId = new LinkedHashMap<String, Requirement>();
        for (var r : all) {
            if (!r.inForceIn(year)) continue;
            byId.merge(r.id(), r, (a, b) -> later(a, b) ? a : b);
        }
        return new Requirements(List.copyOf(byId.values()));
    }

    private static boolean later(Requirement a, Requirement b) {
        int fa = a.effectiveFrom() == null ? Integer.MIN_VALUE : a.effectiveFrom(), fb = b.effectiveFrom() == null ? Integer.MIN_VALUE : b.effectiveFrom();
        return fa != fb ? fa > fb : a.version() > b.version();
    }

    /**
     * The requirements a teacher or unit registered at {@code code} falls under (C3): those of its province, except where a
     * unit nearer to it (its city, its county: a district whose plan differs) has one for the same teachers and topic.
     */
    public List<Requirement> applicableTo(String code) {
        var nearest = new LinkedHashMap<String, Requirement>();
        for (String unit : chain(code)) {
            for (var r : of(unit)) nearest.putIfAbsent(r.slot(), r);
        }
        return List.copyOf(nearest.values());
    }

    /** The unit, its city and its province by GB/T 2260 code (a school's code: its county's first six digits). */
    static List<String> chain(String code) {
        String six = code.length() > 6 ? code.substring(0, 6) : code;
        var chain = new ArrayList<String>();
        for (String c : List.of(six, six.substring(0, 4) + "00", six.substring(0, 2) + "0000")) if (!chain.contains(c)) chain.add(c);
        return chain;
    }

    /** The cycle requirement for all teachers that a unit on {@code chain} (the unit and those above it, nearest first) falls under, with a common cycle (C3). */
    public java.util.Optional<Requirement> commonCycle(List<String> chain) {
        for (String unit : chain) {
            var found = of(unit).stream().filter(r -> r.appliesTo() == Requirement.AppliesTo.ALL
                    && (r.topic() == null || r.topic().isBlank()) && r.anchorYear() != null).findFirst();
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    /**
     * The cycle of {@code lastYears} (the version in force last year) that ended with last year, or null: a cycle that
     * runs from each teacher's first year, or last year not the last of one. Its standing is kept through {@code year}
     * ({@link RefreshCompliance#justEnded}).
     */
    public static int[] endedLastYear(Requirement lastYears, int year) {
        if (lastYears == null || lastYears.anchorYear() == null) return null;
        int[] c = cycle(lastYears, lastYears.anchorYear(), year - 1);
        return c[1] == year - 1 ? c : null;
    }

    /** The cycle that contains {@code year}, for a requirement anchored at {@code anchorYear}. */
    public static int[] cycle(Requirement r, int anchorYear, int year) {
        int index = Math.floorDiv(year - anchorYear, r.periodYears());
        int from = anchorYear + index * r.periodYears();
        return new int[]{from, from + r.periodYears() - 1};
    }

    /** The teacher's standing against {@code r} in the cycle containing {@code year}. */
    public static RequirementStatus evaluate(Requirement r, List<CreditEntry> ledger, int anchorYear, int year) {
        int[] cycle = cycle(r, anchorYear, year);
        int earned = 0;
        var byCategory = new EnumMap<CreditCategory, Integer>(CreditCategory.class);
        for (var e : ledger) {
            if (e.year() < cycle[0] || e.year() > cycle[1]) continue;
            if (r.topic() != null && !r.topic().equalsIgnoreCase(e.topic())) continue;   // a topic is an ID: "head_teacher" is HEAD_TEACHER
            earned += e.hours();
            byCategory.merge(e.category(), e.hours(), Integer::sum);
        }
        var earnedNamed = new LinkedHashMap<CreditCategory, Integer>();
        var shortNamed = new LinkedHashMap<CreditCategory, Integer>();
        for (Map.Entry<CreditCategory, Integer> min : r.minByCategory().entrySet()) {
            int got = byCategory.getOrDefault(min.getKey(), 0);
            earnedNamed.put(min.getKey(), got);
            if (got < min.getValue()) shortNamed.put(min.getKey(), min.getValue() - got);
        }
        // the fewest hours still to earn: hours of a category still short count toward the total as well, so a teacher
        // with every hour but some of a named category's (319 of 240, 119 of 120 school-based) is short by those, not by 0
        int shortBy = Math.max(Math.max(0, r.minHours() - earned), shortNamed.values().stream().mapToInt(Integer::intValue).sum());
        return new RequirementStatus(r.id(), r.name(), cycle[0], cycle[1], r.minHours(), earned, earnedNamed, shortNamed,
                shortBy == 0, shortBy, r.topic());
    }
}
