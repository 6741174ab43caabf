package org.teachertraining.core.funding;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * F2: the project's institution submits its budget; anyone who may read it, and the lifecycle's funding-check
 * task, check it against the ceiling of the program's standards; the owner approves a budget that passes.
 */
public final class ProjectBudget {
    public record LineInput(BudgetCategory category, BigDecimal amount, String justification) {}

    private final Projects projects;
    private final Funding funding;
    private final Access access;
    private final Clock clock;

    public ProjectBudget(Projects projects, Funding funding, Access access, Clock clock) {
        this.projects = projects;
        this.funding = funding;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<BudgetCheck> submit(Caller caller, String projectId, List<LineInput> input) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        var lines = new ArrayList<Budget.Line>();
        var seen = EnumSet.noneOf(BudgetCategory.class);
        if (v.required("lines", input) && input.size() > BudgetCategory.values().length) v.add("lines", "每类开支一行", "one line per category");
        for (int i = 0; input != null && i < input.size() && input.size() <= BudgetCategory.values().length; i++) {
            var l = input.get(i);
            String f = "lines[" + i + "]";
            if (l == null) { v.add(f, "不能为空", "must not be null"); continue; }
            if (v.required(f + ".category", l.category()) && !seen.add(l.category())) v.add(f + ".category", "重复的开支类别", "repeats a category");
            Long fen = Money.fen(v, f + ".amount", l.amount());
            v.optionalText(f + ".justification", l.justification(), 1000);
            if (fen != null && l.category() != null) lines.add(new Budget.Line(l.category(), fen, l.justification() == null ? null : l.justification().strip()));
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var budget = new Budget(projectId, lines, Budget.Status.SUBMITTED, caller.userId(), clock.instant(), null, null);
        var checked = check(project.get(), budget);
        // a budget is kept without standards to check it against (the lifecycle waits for them), not against a ceiling beyond reckoning
        if (checked instanceof Outcome.Refused<BudgetCheck> r && r.refusal().equals(FundingRefusals.ceilingOutOfRange())) return checked;
        if (!funding.submitBudget(budget)) {
            return Outcome.refused(FundingRefusals.alreadyApproved());
        }
        return checked;
    }

    public Outcome<BudgetCheck> check(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institutionOrOwnerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return check(projectId);
    }

    /** The check as the lifecycle's task runs it, with the state machine's authority. */
    public Outcome<BudgetCheck> check(String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId).withDetails(Map.of("error", "NoSuchProject")));
        var budget = funding.budget(projectId);
        if (budget.isEmpty()) return Outcome.refused(FundingRefusals.noBudget(projectId));
        return check(project.get(), budget.get());
    }

    /** The province (the owner's admins) approves a budget that passes its check. */
    public Outcome<Budget> approve(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var budget = funding.budget(projectId);
        if (budget.isEmpty()) return Outcome.refused(FundingRefusals.noBudget(projectId));
        if (budget.get().status() == Budget.Status.APPROVED) return Outcome.refused(FundingRefusals.alreadyApproved());
        if (budget.get().status() == Budget.Status.SETTLED) return Outcome.refused(FundingRefusals.notApproved(Budget.Status.SETTLED));
        var checked = check(project.get(), budget.get());
        if (checked instanceof Outcome.Refused<BudgetCheck> r) return Outcome.refused(r.refusal());
        var result = ((Outcome.Done<BudgetCheck>) checked).value();
        if (!result.passed()) {
            return Outcome.refused(Refusal.unprocessable("F2", Text.of("预算未通过经费标准核查，不能批准", "The budget does not pass the funding check"),
                    Map.of("error", "BudgetCheckFailed", "findings", result.findings().stream().filter(f -> f.kind() != BudgetCheck.Kind.WITHIN).toList())));
        }
        var now = clock.instant();
        if (!funding.approveBudget(projectId, budget.get().submittedAt(), caller.userId(), now)) {
            return Outcome.refused(Refusal.conflict("F2", Text.of("预算已被修改或批准，请重新核查", "The budget changed or was approved meanwhile; check it again")));
        }
        var b = budget.get();
        return Outcome.done(new Budget(projectId, b.lines(), Budget.Status.APPROVED, b.submittedBy(), b.submittedAt(), caller.userId(), now));
    }

    private Outcome<BudgetCheck> check(Project p, Budget budget) {
        var standards = funding.standards(p.programId()).map(ProgramStandards::standards).orElse(List.of());
        if (standards.isEmpty()) return Outcome.refused(FundingRefusals.noStandards(p));
        if (p.seats() == null) return Outcome.refused(FundingRefusals.noSeats(p));
        return Ceiling.of(p, standards).<Outcome<BudgetCheck>>map(c -> Outcome.done(BudgetCheck.of(p.id(), c, budget)))
                .orElse(Outcome.refused(FundingRefusals.ceilingOutOfRange()));
    }
}
