package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.funding.Attendance;
import org.teachertraining.core.funding.Budget;
import org.teachertraining.core.funding.BudgetCategory;
import org.teachertraining.core.funding.BudgetCheck;
import org.teachertraining.core.funding.CheckTrainingBudget;
import org.teachertraining.core.funding.FundingSeeds;
import org.teachertraining.core.funding.ProjectBudget;
import org.teachertraining.core.funding.ProjectSettlement;
import org.teachertraining.core.funding.ProjectSpending;
import org.teachertraining.core.funding.SetFundingStandards;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Phase;
import org.teachertraining.core.project.PhaseKind;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.Inspection;
import org.teachertraining.core.submission.ReceiveUpload;
import org.teachertraining.core.submission.RequestUpload;
import org.teachertraining.core.submission.SubmissionKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class FundingTest {
    static final Caller HENU = new Caller("henu-finance", Role.INSTITUTION, null, "HENU", null);
    final World w = new World();
    final SetFundingStandards standards = new SetFundingStandards(w.ports.programs, w.ports.funding, w.access, w.clock);
    final ProjectBudget budgets = new ProjectBudget(w.ports.projects, w.ports.funding, w.access, w.clock);
    final ProjectSpending spending = new ProjectSpending(w.ports.projects, w.ports.funding, w.ports.submissions, w.access, w.clock);
    final ProjectSettlement settlement = new ProjectSettlement(w.ports.projects, w.ports.enrollments, w.ports.funding, w.access, w.clock);
    final CheckTrainingBudget f3 = new CheckTrainingBudget(w.access);

    /** The seeds' shape: 15 days for 50 trainees — 7 days centralized, 5 days shadowing — and 30 online hours. */
    final Project project = w.project(ProgramLevel.PROVINCIAL, new CreateProject.Command("HN2020-01", "省级骨干教师培育对象培训", "骨干教师",
            null, List.of(new Phase(PhaseKind.CENTRALIZED, 7, null, null), new Phase(PhaseKind.SHADOWING, 5, null, null),
            new Phase(PhaseKind.ONLINE, null, 30, null)), 126, 50, "HENU", World.CUTOFF, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 26),
            null, 50));

    {
        done(standards.execute(World.PROVINCE, project.programId(), FundingSeeds.henan2020()));
    }

    static ProjectBudget.LineInput line(BudgetCategory c, String yuan) {
        return new ProjectBudget.LineInput(c, new BigDecimal(yuan), "按标准测算");
    }

    /** 240,000.00 + 4,500.00: exactly the ceiling, plus {@code extraFen} on the accommodation line. */
    BudgetCheck budget(long extraFen) {
        return done(budgets.submit(HENU, project.id(), List.of(line(BudgetCategory.ACCOMMODATION, Money.yuan(10_000_000 + extraFen)),
                line(BudgetCategory.MEALS, "60000"), line(BudgetCategory.LECTURERS, "80000"), line(BudgetCategory.ONLINE_PLATFORM, "4500"))));
    }

    @Test
    void theSeedsCeilingFor50TraineesIs244500Yuan() {
        var check = budget(0);
        // 50 × (7 centralized + 5 shadowing) days × 400 = 240,000.00; 50 × 30 h × 3 = 4,500.00 — shadowing days are
        // in-person days at host schools, paid at the per-day rate (FundingSeeds); nothing else is priced by the notice
        assertEquals(24_450_000, check.ceilingFen());
        var centralized = check.ceiling().lines().get(0);
        assertEquals(600, centralized.quantity());          // person-days
        assertEquals(24_000_000, centralized.amountFen());
        assertTrue(centralized.explanation().en().startsWith("50 trainees × 12 days"), centralized.explanation().en());
        assertEquals(450_000, check.ceiling().lines().get(1).amountFen());
    }

    @Test
    void aBudgetExactlyAtTheCeilingPasses_oneFenOverDoesNot_oneUnderDoes() {
        assertTrue(budget(0).passed());
        var over = budget(1);
        assertFalse(over.passed());
        var finding = over.findings().stream().filter(f -> f.kind() == BudgetCheck.Kind.OVER).findFirst().orElseThrow();
        assertEquals("CENTRALIZED", finding.line());
        assertEquals(1, finding.overByFen());
        assertTrue(finding.message().en().contains("by 0.01"), finding.message().en());
        assertTrue(budget(-1).passed());
    }

    @Test
    void linesNoStandardCoversAndLinesWithoutJustificationAreFindings() {
        var check = done(budgets.submit(HENU, project.id(), List.of(new ProjectBudget.LineInput(BudgetCategory.MEALS, new BigDecimal("100"), " "))));
        assertFalse(check.passed());
        assertEquals(BudgetCheck.Kind.MISSING_JUSTIFICATION, check.findings().get(2).kind());
        done(standards.execute(World.PROVINCE, project.programId(), List.of(FundingSeeds.henan2020().get(1))));   // online only
        var uncovered = done(budgets.check(World.PROVINCE, project.id()));
        assertTrue(uncovered.findings().stream().anyMatch(f -> f.kind() == BudgetCheck.Kind.NOT_COVERED && f.line().equals("MEALS")));
    }

    /**
     * Rates, seats and days each within their bounds can multiply out beyond a long of fen: 10⁶ trainees × 30 phases of
     * 366 days × 10⁹ yuan a day. That was a 500 (long overflow) after the budget was stored; it is now 422 F2
     * {@code CeilingOutOfRange} wherever the ceiling is asked for, and the budget so submitted is not stored.
     */
    @Test
    void aCeilingBeyondALongOfFenIsRefusedAndTheBudgetNotStored() {
        var huge = w.project(ProgramLevel.PROVINCIAL, new CreateProject.Command("HN2020-99", "上限溢出", "骨干教师", null,
                java.util.Collections.nCopies(30, new Phase(PhaseKind.CENTRALIZED, 366, null, null)), 126, 50, "HENU", World.CUTOFF,
                LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 26), null, 1_000_000));
        done(standards.execute(World.PROVINCE, huge.programId(), List.of(new SetFundingStandards.StandardInput("CENTRALIZED", "集中培训",
                org.teachertraining.core.funding.StandardUnit.PER_PERSON_DAY, new BigDecimal("1000000000"), java.util.Set.of(PhaseKind.CENTRALIZED),
                java.util.Set.of(BudgetCategory.VENUE), LocalDate.of(2020, 1, 1), null))));
        var submitted = refused(budgets.submit(HENU, huge.id(), List.of(line(BudgetCategory.VENUE, "1000"))));
        assertEquals(Refusal.Kind.UNPROCESSABLE, submitted.kind());
        assertEquals("F2", submitted.rule());
        assertEquals("CeilingOutOfRange", submitted.details().get("error"));
        assertTrue(w.ports.funding.budget(huge.id()).isEmpty(), "nothing stored");
        // a budget stored before the standards were raised so: its check, and the lifecycle's, are refused the same way
        done(standards.execute(World.PROVINCE, huge.programId(), FundingSeeds.henan2020()));
        assertTrue(done(budgets.submit(HENU, huge.id(), List.of(line(BudgetCategory.VENUE, "1000")))).passed());
        done(standards.execute(World.PROVINCE, huge.programId(), List.of(new SetFundingStandards.StandardInput("CENTRALIZED", "集中培训",
                org.teachertraining.core.funding.StandardUnit.PER_PERSON_DAY, new BigDecimal("1000000000"), java.util.Set.of(PhaseKind.CENTRALIZED),
                java.util.Set.of(BudgetCategory.VENUE), LocalDate.of(2020, 1, 1), null))));
        assertEquals("CeilingOutOfRange", refused(budgets.check(World.PROVINCE, huge.id())).details().get("error"));
        assertEquals("CeilingOutOfRange", refused(budgets.check(huge.id())).details().get("error"));
    }

    @Test
    void moneyIsRefusedWhenNegativeFinerThanAFenOrMissing() {
        assertEquals("lines[0].amount", refused(budgets.submit(HENU, project.id(), List.of(line(BudgetCategory.MEALS, "-0.01")))).errors().get(0).field());
        var threeDecimals = refused(budgets.submit(HENU, project.id(), List.of(line(BudgetCategory.MEALS, "12.345"))));
        assertTrue(threeDecimals.errors().get(0).message().en().contains("12.345"));
        assertEquals("lines[0].category", refused(budgets.submit(HENU, project.id(), List.of(line(null, "1")))).errors().get(0).field());
        assertEquals("lines[1].category", refused(budgets.submit(HENU, project.id(), List.of(line(BudgetCategory.MEALS, "1"),
                line(BudgetCategory.MEALS, "2")))).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(budgets.submit(World.PROVINCE, project.id(), List.of(line(BudgetCategory.MEALS, "1")))).kind());
        assertEquals("standards[0].rate", refused(standards.execute(World.PROVINCE, project.programId(), List.of(new SetFundingStandards.StandardInput(
                "X", "x", org.teachertraining.core.funding.StandardUnit.PER_PERSON, new BigDecimal("3.001"), null,
                java.util.Set.of(BudgetCategory.OTHER), LocalDate.of(2020, 1, 1), null)))).errors().get(0).field());
        // a category two lines claim is named in Chinese by its name and the first line's, never by their codes
        var twice = refused(standards.execute(World.PROVINCE, project.programId(), List.of(
                new SetFundingStandards.StandardInput("CENTRALIZED", "集中培训", org.teachertraining.core.funding.StandardUnit.PER_PERSON,
                        new BigDecimal("400"), null, java.util.Set.of(BudgetCategory.MEALS), LocalDate.of(2020, 1, 1), null),
                new SetFundingStandards.StandardInput("ONLINE", "网络研修", org.teachertraining.core.funding.StandardUnit.PER_PERSON,
                        new BigDecimal("3"), null, java.util.Set.of(BudgetCategory.MEALS), LocalDate.of(2020, 1, 1), null)))).errors().get(0);
        assertEquals("standards[1].categories", twice.field());
        assertEquals("伙食费已归入「集中培训」", twice.message().zh());
        assertTrue(org.teachertraining.core.common.Labels.codesIn(twice.message().zh()).isEmpty(), twice.message().zh());
    }

    @Test
    void spendingNeedsAnApprovedBudgetAndAReceipt_overBudgetCategoriesAreFlagged_settlementClosesIt() {
        String receipt = acceptedReceipt();
        String laterReceipt = acceptedReceipt();
        var expense = new ProjectSpending.Command(BudgetCategory.MEALS, new BigDecimal("60000.01"), LocalDate.of(2020, 8, 30), "伙食", receipt);
        budget(0);
        var notApproved = refused(spending.record(HENU, project.id(), expense));
        assertEquals("F2", notApproved.rule());
        assertEquals("BudgetNotApproved", notApproved.details().get("error"));
        assertEquals(Budget.Status.APPROVED, done(budgets.approve(World.PROVINCE, project.id())).status());
        assertEquals("BudgetApproved", refused(budgets.submit(HENU, project.id(), List.of(line(BudgetCategory.MEALS, "1")))).details().get("error"));

        var recorded = done(spending.record(HENU, project.id(), expense));
        assertTrue(recorded.created());
        // the same expense sent again (a retry) answers the one recorded; the receipt under other content is refused
        var again = done(spending.record(HENU, project.id(), expense));
        assertEquals(new ProjectSpending.Recorded(recorded.expense(), false), again);
        var reused = refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS, new BigDecimal("60000.02"),
                LocalDate.of(2020, 8, 30), "伙食", receipt)));
        assertEquals("F2", reused.rule());
        assertEquals(Refusal.Kind.CONFLICT, reused.kind());
        assertEquals(Map.of("error", "ReceiptAlreadyUsed", "expenseId", recorded.expense().id()), reused.details());
        assertEquals("该票据已用于另一笔支出（2020-08-30，伙食费，60000.01 元）：一张票据只列支一次", reused.message().zh());
        var overview = done(spending.overview(World.PROVINCE, project.id()));
        assertEquals(List.of(BudgetCategory.MEALS), overview.overBudget());
        assertEquals(6_000_001, overview.spentFen());
        assertEquals(24_450_000 - 6_000_001, overview.remainingFen());
        assertEquals("receiptSubmissionId", refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS,
                new BigDecimal("1"), LocalDate.of(2020, 8, 30), "x", "nope"))).errors().get(0).field());
        assertEquals("date", refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS,
                new BigDecimal("1"), LocalDate.of(2030, 1, 1), "x", receipt))).errors().get(0).field());
        // a slip of the year (1020 for 2020): refused, naming the earliest date
        var slipped = refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS,
                new BigDecimal("1"), LocalDate.of(1020, 8, 30), "x", receipt))).errors().get(0);
        assertEquals("date", slipped.field());
        assertEquals("不能早于 " + project.startDate().minusYears(1).withDayOfYear(1) + "（项目开始前一年的年初）", slipped.message().zh());
        // a receipt not yet uploaded is named in words, not by its code
        var awaited = refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS,
                new BigDecimal("1"), LocalDate.of(2020, 8, 30), "x", requestedReceipt().id()))).errors().get(0);
        assertEquals("票据尚未通过检查：待上传", awaited.message().zh());

        enroll(5);
        w.clock.set(OffsetDateTime.parse("2020-10-27T09:00:00+08:00"));
        settle("20000");
        var closed = refused(spending.record(HENU, project.id(), new ProjectSpending.Command(BudgetCategory.MEALS, new BigDecimal("1"),
                LocalDate.of(2020, 10, 26), "伙食", laterReceipt)));
        assertEquals("ProjectSettled", closed.details().get("error"));
        assertEquals(new ProjectSpending.Recorded(recorded.expense(), false), done(spending.record(HENU, project.id(), expense)),
                "a retry of what was recorded before the settlement still answers it");
        assertEquals(1, done(spending.overview(World.PROVINCE, project.id())).expenses().size());
    }

    @Test
    void settlementFollowsAttendance_noShowsAndPartialAttendance_andExplainsTheDifference() {
        var trainees = approvedWithTrainees(5);
        done(settlement.recordAttendance(HENU, project.id(), List.of(new Attendance(trainees.get(0), 12, 30), new Attendance(trainees.get(1), 12, 30),
                new Attendance(trainees.get(2), 12, 30), new Attendance(trainees.get(3), 10, 20))));   // trainees.get(4): a no-show
        assertEquals("records[0].daysAttended", refused(settlement.recordAttendance(HENU, project.id(),
                List.of(new Attendance(trainees.get(0), 13, 0)))).errors().get(0).field());
        assertEquals("records[0].teacherId", refused(settlement.recordAttendance(HENU, project.id(),
                List.of(new Attendance("STRANGER", 1, 0)))).errors().get(0).field());
        assertEquals(4, done(settlement.attendance(World.PROVINCE, project.id())).size(), "the refused records changed nothing");
        assertEquals(new Attendance(trainees.get(3), 10, 20), done(settlement.attendance(HENU, project.id())).stream()
                .filter(a -> a.teacherId().equals(trainees.get(3))).findFirst().orElseThrow());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(settlement.attendance(World.GUANGSHAN, project.id())).kind());
        // without standards there is nothing to count days against: said so (F1), not "between 0 and 0" for every day
        var unfunded = w.project(ProgramLevel.NATIONAL, w.ruralBackbone("GP2020-01"));
        var none = refused(settlement.recordAttendance(HENU, unfunded.id(), List.of(new Attendance(trainees.get(0), 12, 30))));
        assertEquals("F1", none.rule());
        assertEquals("NoFundingStandards", none.details().get("error"));
        assertEquals("TrainingNotEnded", refused(settlement.settle(HENU, project.id(), new BigDecimal("1"))).details().get("error"));

        w.clock.set(OffsetDateTime.parse("2020-10-27T09:00:00+08:00"));
        var s = settle("20000");
        assertEquals(5, s.registered());
        assertEquals(1, s.noShows());
        assertEquals(1, s.partial());
        // (3 × 12 + 10) person-days × 400 + (3 × 30 + 20) person-hours × 3 = 18,400.00 + 330.00
        assertEquals(46, s.lines().get(0).quantity());
        assertEquals(110, s.lines().get(1).quantity());
        assertEquals(1_873_000, s.settleableFen());
        assertEquals(1_873_000, s.settledFen());
        assertEquals(127_000, s.differenceFen());
        assertTrue(s.explanation().get(s.explanation().size() - 1).en().contains("1270.00 more than attendance supports"));
        assertEquals("ProjectSettled", refused(settlement.settle(HENU, project.id(), new BigDecimal("1"))).details().get("error"));
    }

    @Test
    void e8_aTraineeTheLifecycleMarkedANoShowIsPaidForNoAttendance_recordedBeforeTheMarkingOrAfterIt() {
        var trainees = approvedWithTrainees(3);
        done(settlement.recordAttendance(HENU, project.id(), List.of(new Attendance(trainees.get(0), 12, 30), new Attendance(trainees.get(1), 12, 30),
                new Attendance(trainees.get(2), 12, 30))));
        // the first day ends and trainees.get(2) never registered (报到): the lifecycle marks the seat NO_SHOW
        var seat = w.ports.enrollments.find(project.id(), trainees.get(2)).orElseThrow();
        w.ports.enrollments.move(seat, EnrollmentStatus.SELECTED, EnrollmentStatus.NO_SHOW, "lifecycle", w.clock.instant()).orElseThrow();

        var refusal = refused(settlement.recordAttendance(HENU, project.id(), List.of(new Attendance(trainees.get(0), 12, 30),
                new Attendance(trainees.get(2), 1, 0))));
        assertEquals(Refusal.Kind.UNPROCESSABLE, refusal.kind());
        assertEquals("E8", refusal.rule());
        assertEquals(List.of(trainees.get(2)), refusal.details().get("teacherIds"));
        assertTrue(refusal.message().zh().contains("未报到"), refusal.message().zh());
        assertEquals(new Attendance(trainees.get(2), 12, 30), done(settlement.attendance(HENU, project.id())).stream()
                .filter(a -> a.teacherId().equals(trainees.get(2))).findFirst().orElseThrow(), "the refused records changed nothing");
        done(settlement.recordAttendance(HENU, project.id(), List.of(new Attendance(trainees.get(1), 12, 30))));   // others still can be

        w.clock.set(OffsetDateTime.parse("2020-10-27T09:00:00+08:00"));
        var s = settle("100000");
        assertEquals(3, s.registered());
        assertEquals(1, s.noShows(), "the attendance recorded before the marking does not count");
        assertEquals(24, s.lines().get(0).quantity());   // 2 × 12 person-days, not 3 × 12
        assertEquals(60, s.lines().get(1).quantity());
        assertEquals(2 * 12 * 40_000 + 2 * 30 * 300, s.settleableFen());
    }

    @Test
    void jurisdictionAndSchoolTrainingBudgetsAgainstTheirShares() {
        // 1.5% of 1,000,000.01 yuan is 15,000.00015: the minimum rounds up to 15,000.01
        var shortByAFen = done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021,
                new BigDecimal("1000000.01"), new BigDecimal("15000.00"))));
        assertEquals(1_500_001, shortByAFen.minimumFen());
        assertEquals(1, shortByAFen.shortfallFen());
        assertEquals(CheckTrainingBudget.Status.BELOW_MINIMUM, shortByAFen.status());
        assertEquals(CheckTrainingBudget.Status.WITHIN_RANGE, done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(
                CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021, new BigDecimal("1000000.01"), new BigDecimal("15000.01")))).status());
        assertEquals(CheckTrainingBudget.Status.ABOVE_RANGE, done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(
                CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021, new BigDecimal("1000000"), new BigDecimal("25000.01")))).status());
        var school = done(f3.execute(World.XIN_COUNTY, new CheckTrainingBudget.Command(CheckTrainingBudget.Level.SCHOOL, "411523", "S1", 2021,
                new BigDecimal("200000"), new BigDecimal("9999.99"))));
        assertEquals(CheckTrainingBudget.Status.BELOW_MINIMUM, school.status());
        // 4.999995%: shown below the minimum, not rounded up to it ("5.00%, below 5%")
        assertEquals(new BigDecimal("4.99"), school.percent());
        assertEquals("培训经费占年度公用经费预算 4.99%，低于 5%，至少还差 0.01 元", school.message().zh());
        assertEquals("培训经费占教师工资总额 1.49%，低于 1.5%，至少还差 0.01 元", shortByAFen.message().zh());
        // above the band: said so, the share rounded up past the band's end
        var above = done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021,
                new BigDecimal("1000000"), new BigDecimal("25000.01"))));
        assertEquals("培训经费占教师工资总额 2.51%，高于区间上限 2.5%（区间 1.5%–2.5%）", above.message().zh());
        assertEquals("Training budget is 2.51% of the teacher payroll, above the band's upper end, 2.5% (band 1.5–2.5%)", above.message().en());
        // a budget larger than the payroll itself (the two amounts swapped): the check says to look at them
        var swapped = done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021,
                new BigDecimal("15000"), new BigDecimal("1000000"))));
        assertEquals(CheckTrainingBudget.Status.ABOVE_RANGE, swapped.status());
        assertEquals("培训经费占教师工资总额 6666.67%，高于区间上限 2.5%（区间 1.5%–2.5%）；培训经费超过了教师工资总额本身，请核对两个金额", swapped.message().zh());
        assertEquals("培训经费占教师工资总额 1.50%，达到 1.5%（区间 1.5%–2.5%）", done(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(
                CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021, new BigDecimal("1000000.01"), new BigDecimal("15000.01")))).message().zh());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(f3.execute(World.GUANGSHAN, new CheckTrainingBudget.Command(
                CheckTrainingBudget.Level.JURISDICTION, "411523", null, 2021, new BigDecimal("1"), new BigDecimal("1")))).kind());
        assertEquals("basis", refused(f3.execute(World.XINYANG, new CheckTrainingBudget.Command(
                CheckTrainingBudget.Level.JURISDICTION, "411500", null, 2021, new BigDecimal("-1"), new BigDecimal("1")))).errors().get(0).field());
    }

    org.teachertraining.core.funding.Settlement settle(String claim) {
        return done(settlement.settle(HENU, project.id(), new BigDecimal(claim)));
    }

    /** The budget at the ceiling approved, and {@code n} trainees enrolled. */
    List<String> approvedWithTrainees(int n) {
        budget(0);
        done(budgets.approve(World.PROVINCE, project.id()));
        return enroll(n);
    }

    List<String> enroll(int n) {
        done(w.allocate.execute(World.PROVINCE, project.id(), "411500", 50));
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < n; i++) {
            w.addTeacher("F" + i, "411523");
            done(w.enroll.execute(World.XINYANG, project.id(), "F" + i, null));
            ids.add("F" + i);
        }
        return ids;
    }

    private int receipts;

    /** A receipt accepted for the project; each with its own content. */
    String acceptedReceipt() {
        var s = requestedReceipt();
        new ReceiveUpload(w.ports.submissions).execute(new ReceiveUpload.Received(s.objectKey(), 100, s.sha256(),
                Inspection.clean(FileType.PDF, 1), Instant.now())).orElseThrow();
        return s.id();
    }

    /** A receipt whose upload was asked for and has not arrived. */
    org.teachertraining.core.submission.Submission requestedReceipt() {
        String sha256 = String.format("%064x", ++receipts);
        var upload = new RequestUpload(w.ports.projects, w.ports.quotas, w.ports.submissions, w.ports.uploadUrls, w.clock);
        return done(upload.execute(HENU, project.id(), new RequestUpload.Command(SubmissionKind.RECEIPT, null, "发票.pdf", 100L,
                "application/pdf", sha256, null))).submission();
    }
}
