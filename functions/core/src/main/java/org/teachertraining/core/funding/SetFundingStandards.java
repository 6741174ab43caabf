package org.teachertraining.core.funding;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.PhaseKind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * F1: the program's owner sets its funding standards as data — each line's unit, rate (yuan, to the fen),
 * the phases it pays for, the budget categories it covers and its effective dates. A budget category
 * belongs to one line, so every budget line is compared with exactly one ceiling.
 */
public final class SetFundingStandards {
    public record StandardInput(String line, String name, StandardUnit unit, BigDecimal rate, Set<PhaseKind> phases,
                                Set<BudgetCategory> categories, LocalDate effectiveFrom, LocalDate effectiveUntil) {}

    private final Programs programs;
    private final Funding funding;
    private final Access access;
    private final Clock clock;

    public SetFundingStandards(Programs programs, Funding funding, Access access, Clock clock) {
        this.programs = programs;
        this.funding = funding;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<ProgramStandards> execute(Caller caller, String programId, List<StandardInput> input) {
        var program = programs.find(programId);
        if (program.isEmpty()) return Outcome.refused(NotFound.program(programId));
        var denied = access.require(caller, program.get().jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        var standards = new ArrayList<FundingStandard>();
        if (v.required("standards", input) && input.size() > 50) v.add("standards", "最多 50 条", "at most 50 lines");
        var lines = new HashSet<String>();
        var categoryOwner = new HashMap<BudgetCategory, StandardInput>();   // the line that claimed each category first
        for (int i = 0; input != null && i < input.size() && input.size() <= 50; i++) {
            var s = input.get(i);
            String f = "standards[" + i + "]";
            if (s == null) { v.add(f, "不能为空", "must not be null"); continue; }
            v.identifier(f + ".line", s.line());
            if (s.line() != null && !lines.add(s.line())) v.add(f + ".line", "重复的标准代码", "repeats another line's code");
            v.text(f + ".name", s.name(), 100);
            v.required(f + ".unit", s.unit());
            Long rate = Money.fen(v, f + ".rate", s.rate());
            if (rate != null && rate == 0) v.add(f + ".rate", "标准不能为 0", "must be more than 0");
            boolean perTime = s.unit() == StandardUnit.PER_PERSON_DAY || s.unit() == StandardUnit.PER_PERSON_HOUR;
            if (perTime && (s.phases() == null || s.phases().isEmpty())) {
                v.add(f + ".phases", "按天或按学时计的标准须指明适用的培训环节", "a per-day or per-hour line names the phases it pays for");
            }
            if (v.required(f + ".categories", s.categories())) {
                for (var c : s.categories()) {
                    var other = categoryOwner.putIfAbsent(c, s);
                    if (other != null) {   // named in Chinese by its name and the line's, never by their codes
                        String line = other.name() == null || other.name().isBlank() ? "另一条标准" : "「" + other.name().strip() + "」";
                        v.add(f + ".categories", org.teachertraining.core.common.Labels.zh(c) + "已归入" + line,
                                c + " is already covered by line " + other.line());
                    }
                }
            }
            if (v.required(f + ".effectiveFrom", s.effectiveFrom()) && s.effectiveUntil() != null && s.effectiveUntil().isBefore(s.effectiveFrom())) {
                v.add(f + ".effectiveUntil", "不能早于生效日期", "must not be before effectiveFrom");
            }
            if (rate != null) {
                standards.add(new FundingStandard(s.line(), s.name() == null ? null : s.name().strip(), s.unit(), rate, s.phases(), s.categories(),
                        s.effectiveFrom(), s.effectiveUntil()));
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var saved = new ProgramStandards(programId, program.get().jurisdiction(), standards, caller.userId(), clock.instant());
        funding.saveStandards(saved);
        return Outcome.done(saved);
    }

    /** Standards are public policy: any signed-in caller reads them. */
    public Outcome<ProgramStandards> read(String programId) {
        if (programs.find(programId).isEmpty()) return Outcome.refused(NotFound.program(programId));
        return Outcome.done(funding.standards(programId).orElse(new ProgramStandards(programId, null, List.of(), null, null)));
    }
}
