package org.teachertraining.core.credit;

import java.util.Map;

/**
 * How a teacher stands against one requirement in the cycle {@code fromYear}–{@code toYear}: hours earned
 * (in total and per category that the requirement names), whether it is met, and by how much it falls short.
 */
public record RequirementStatus(String requirementId, String name, int fromYear, int toYear, int required, int earned,
                                Map<CreditCategory, Integer> earnedByCategory, Map<CreditCategory, Integer> shortByCategory,
                                boolean met, int shortBy) {}
