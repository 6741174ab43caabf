package org.teachertraining.core.credit;

import java.time.Instant;
import java.util.Map;

/**
 * A cycle requirement as data (C3): at least {@code minHours} over {@code periodYears} years, of which at
 * least the given hours per category; only hours with {@code topic} count when a topic is set.
 * {@code appliesTo} says whom: ALL teachers, NEW_TEACHERS (anchored at their first year), HEAD_TEACHERS.
 * Cycles start at the configured {@code anchorYear}; null anchors them at the teacher's first year of teaching.
 * <p>
 * Requirements are versioned: version 0 is the seeds' (requirements.tsv, in force from always), each version the
 * province or a district sets later is in force from the year {@code effectiveFrom} on ({@link Requirements#inForce}).
 */
public record Requirement(String id, String jurisdiction, String name, AppliesTo appliesTo, String topic,
                          int periodYears, int minHours, Map<CreditCategory, Integer> minByCategory, Integer anchorYear,
                          int version, Integer effectiveFrom, String setBy, Instant setAt) {

    public enum AppliesTo { ALL, NEW_TEACHERS, HEAD_TEACHERS }

    public Requirement {
        minByCategory = Map.copyOf(minByCategory);
    }

    /** A seed: version 0, in force from always. */
    static Requirement seed(String id, String jurisdiction, String name, AppliesTo appliesTo, String topic, int periodYears, int minHours,
                            Map<CreditCategory, Integer> minByCategory, Integer anchorYear) {
        return new Requirement(id, jurisdiction, name, appliesTo, topic, periodYears, minHours, minByCategory, anchorYear, 0, null, "seeds", null);
    }

    /** Whom and what hours it counts: a district's requirement of the same slot replaces the province's for the district's teachers. */
    String slot() {
        return appliesTo + "/" + (topic == null ? "" : topic.toUpperCase(java.util.Locale.ROOT));
    }

    boolean inForceIn(int year) {
        return effectiveFrom == null || effectiveFrom <= year;
    }
}
