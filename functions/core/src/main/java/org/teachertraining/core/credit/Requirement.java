package org.teachertraining.core.credit;

import java.util.Map;

/**
 * A cycle requirement as data (C3): at least {@code minHours} over {@code periodYears} years, of which at
 * least the given hours per category; only hours with {@code topic} count when a topic is set.
 * {@code appliesTo} says whom: ALL teachers, NEW_TEACHERS (anchored at their first year), HEAD_TEACHERS.
 * Cycles start at the configured {@code anchorYear}; null anchors them at the teacher's first year of teaching.
 */
public record Requirement(String id, String jurisdiction, String name, AppliesTo appliesTo, String topic,
                          int periodYears, int minHours, Map<CreditCategory, Integer> minByCategory, Integer anchorYear) {

    public enum AppliesTo { ALL, NEW_TEACHERS, HEAD_TEACHERS }

    public Requirement {
        minByCategory = Map.copyOf(minByCategory);
    }
}
