package org.teachertraining.core.funding;

import org.teachertraining.core.common.Labels;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A budget against its ceiling, line by line (F2): each standard line's ceiling against the budget lines
 * it covers (within, or over by how much), budget lines no standard covers, and lines without a
 * justification. It passes when there is nothing but {@link Kind#WITHIN}.
 */
public record BudgetCheck(String projectId, boolean passed, long ceilingFen, long budgetFen, Ceiling ceiling, List<Finding> findings) {

    public enum Kind { WITHIN, OVER, NOT_COVERED, MISSING_JUSTIFICATION }

    /** @param line a standard line's code, or a budget category for NOT_COVERED and MISSING_JUSTIFICATION */
    public record Finding(Kind kind, String line, long ceilingFen, long budgetedFen, long overByFen, Text message) {}

    public static BudgetCheck of(String projectId, Ceiling ceiling, Budget budget) {
        var findings = new ArrayList<Finding>();
        for (var l : ceiling.lines()) {
            long budgeted = budget.lines().stream().filter(b -> l.categories().contains(b.category())).mapToLong(Budget.Line::amountFen).sum();
            long over = budgeted - l.amountFen();
            findings.add(over > 0
                    ? new Finding(Kind.OVER, l.line(), l.amountFen(), budgeted, over, Text.of(
                            l.name() + "：预算 " + Money.yuan(budgeted) + " 元，超出标准上限 " + Money.yuan(l.amountFen()) + " 元 " + Money.yuan(over) + " 元",
                            l.line() + ": budgeted " + Money.yuan(budgeted) + " yuan, over the ceiling of " + Money.yuan(l.amountFen()) + " by " + Money.yuan(over)))
                    : new Finding(Kind.WITHIN, l.line(), l.amountFen(), budgeted, 0, Text.of(
                            l.name() + "：预算 " + Money.yuan(budgeted) + " 元，在标准上限 " + Money.yuan(l.amountFen()) + " 元以内",
                            l.line() + ": budgeted " + Money.yuan(budgeted) + " yuan, within the ceiling of " + Money.yuan(l.amountFen()))));
        }
        for (var b : budget.lines()) {
            if (ceiling.lines().stream().noneMatch(l -> l.categories().contains(b.category()))) {
                findings.add(new Finding(Kind.NOT_COVERED, b.category().name(), 0, b.amountFen(), b.amountFen(), Text.of(
                        Labels.zh(b.category()) + "：没有经费标准覆盖该开支，" + Money.yuan(b.amountFen()) + " 元不能列支",
                        b.category() + ": no funding standard covers it; " + Money.yuan(b.amountFen()) + " yuan cannot be budgeted")));
            }
            if (b.justification() == null || b.justification().isBlank()) {
                findings.add(new Finding(Kind.MISSING_JUSTIFICATION, b.category().name(), 0, b.amountFen(), 0, Text.of(
                        Labels.zh(b.category()) + "：缺少测算依据", b.category() + ": the line has no justification (how the amount was calculated)")));
            }
        }
        boolean passed = findings.stream().allMatch(f -> f.kind() == Kind.WITHIN);
        return new BudgetCheck(projectId, passed, ceiling.totalFen(), budget.totalFen(), ceiling, findings);
    }
}
