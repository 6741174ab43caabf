package org.teachertraining.core.credit;

import java.util.Map;

/**
 * How a teacher stands against one requirement in the cycle {@code fromYear}–{@code toYear}: hours earned
 * (in total and per category that the requirement names), whether it is met, and by how much it falls short:
 * {@code shortBy} is the fewest hours still to earn to meet it, the hours of a named category still short included
 * ({@code shortByCategory} says which); it is 0 exactly when the requirement is met.
 */
public record RequirementStatus(String requirementId, String name, int fromYear, int toYear, int required, int earned,
                                Map<CreditCategory, Integer> earnedByCategory, Map<CreditCategory, Integer> shortByCategory,
                                boolean met, int shortBy,
                                /** the special topic whose hours alone count ({@code HEAD_TEACHER}), or null: the console names a ledger entry's topic by it */
                                String topic) {}
