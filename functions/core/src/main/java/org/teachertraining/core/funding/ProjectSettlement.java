package org.teachertraining.core.funding;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * After training: the institution records who attended how much, then claims; the settlement is computed
 * from attendance ({@link Settlement#compute}), capped by the approved budget, and closes the project's
 * spending (APPROVED → SETTLED, once).
 */
public final class ProjectSettlement {
    private final Projects projects;
    private final Enrollments enrollments;
    private final Funding funding;
    private final Access access;
    private final Clock clock;

    public ProjectSettlement(Projects projects, Enrollments enrollments, Funding funding, Access access, Clock clock) {
        this.projects = projects;
        this.enrollments = enrollments;
        this.funding = funding;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<List<Attendance>> recordAttendance(Caller caller, String projectId, List<Attendance> records) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var p = project.get();
        var denied = ProjectAccess.institution(caller, p);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var standards = standards(p);
        // attendance is counted against the standards' days and hours: without standards every day would be "0 to 0"
        if (standards.isEmpty()) return Outcome.refused(FundingRefusals.noStandards(p));
        long days = planned(p, standards, StandardUnit.PER_PERSON_DAY), hours = planned(p, standards, StandardUnit.PER_PERSON_HOUR);
        var v = new Violations();
        var seen = new HashSet<String>();
        var noShows = new ArrayList<String>();
        if (v.required("records", records) && records.size() > 5000) v.add("records", "最多 5000 条", "at most 5000 records");
        for (int i = 0; records != null && i < records.size() && records.size() <= 5000; i++) {
            var a = records.get(i);
            String f = "records[" + i + "]";
            if (a == null) { v.add(f, "不能为空", "must not be null"); continue; }
            if (v.required(f + ".teacherId", a.teacherId())) {
                if (!seen.add(a.teacherId())) v.add(f + ".teacherId", "重复的学员", "repeats a trainee");
                else {
                    var seat = enrollments.find(projectId, a.teacherId()).filter(e -> e.status().holdsSeat());
                    if (seat.isEmpty()) v.add(f + ".teacherId", a.teacherId() + " 不是本项目的学员", a.teacherId() + " holds no seat in this project");
                    else if (seat.get().status() == EnrollmentStatus.NO_SHOW && attended(a)) noShows.add(a.teacherId());
                }
            }
            if (v.required(f + ".daysAttended", a.daysAttended())) v.range(f + ".daysAttended", a.daysAttended(), 0, days);
            if (v.required(f + ".onlineHours", a.onlineHours())) v.range(f + ".onlineHours", a.onlineHours(), 0, hours);
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        if (!noShows.isEmpty()) return Outcome.refused(noShowsAttending(noShows));
        if (funding.budget(projectId).map(Budget::status).orElse(null) == Budget.Status.SETTLED) {
            return Outcome.refused(FundingRefusals.notApproved(Budget.Status.SETTLED));
        }
        funding.saveAttendance(projectId, records);
        return Outcome.done(funding.attendance(projectId));
    }

    /** What is recorded of each trainee's attendance, for the institution and the owner's admins. */
    public Outcome<List<Attendance>> attendance(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institutionOrOwnerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(funding.attendance(projectId));
    }

    public Outcome<Settlement> settle(Caller caller, String projectId, BigDecimal claim) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var p = project.get();
        var denied = ProjectAccess.institution(caller, p);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        Long claimFen = Money.fen(v, "claim", claim);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var budget = funding.budget(projectId);
        if (budget.isEmpty()) return Outcome.refused(FundingRefusals.noBudget(projectId));
        if (budget.get().status() != Budget.Status.APPROVED) return Outcome.refused(FundingRefusals.notApproved(budget.get().status()));
        if (!ChinaTime.today(clock).isAfter(p.endDate())) {
            return Outcome.refused(Refusal.conflict("F2", Text.of("培训尚未结束（" + p.endDate() + "），不能结算", "Training ends on " + p.endDate() + ": settle after it"))
                    .withDetails(Map.of("error", "TrainingNotEnded")));
        }
        var seats = enrollments.holdingSeats(projectId);
        var noShows = seats.stream().filter(e -> e.status() == EnrollmentStatus.NO_SHOW).map(Enrollment::teacherId).collect(Collectors.toSet());
        // a trainee the lifecycle marked a no-show (E8) attended nothing, whatever was recorded before the marking
        var attendance = funding.attendance(projectId).stream().filter(a -> !noShows.contains(a.teacherId())).toList();
        Settlement settlement;
        try {
            settlement = Settlement.compute(p, standards(p), seats.stream().map(Enrollment::teacherId).toList(), attendance, budget.get().totalFen(),
                    claimFen, caller.userId(), clock.instant());
        } catch (ArithmeticException beyondALong) {
            return Outcome.refused(FundingRefusals.ceilingOutOfRange());
        }
        if (!funding.settle(settlement)) return Outcome.refused(FundingRefusals.notApproved(Budget.Status.SETTLED));
        return Outcome.done(settlement);
    }

    public Outcome<Settlement> read(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institutionOrOwnerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return funding.settlement(projectId).<Outcome<Settlement>>map(Outcome::done)
                .orElse(Outcome.refused(Refusal.notFound(Text.of("项目尚未结算", "The project is not settled"))));
    }

    private List<FundingStandard> standards(Project p) {
        return funding.standards(p.programId()).map(ProgramStandards::standards).orElse(List.of());
    }

    private static long planned(Project p, List<FundingStandard> standards, StandardUnit unit) {
        return standards.stream().filter(s -> s.unit() == unit && s.effectiveOn(p.startDate())).mapToLong(s -> Ceiling.units(p.phases(), s)).sum();
    }

    private static boolean attended(Attendance a) {
        return a.daysAttended() != null && a.daysAttended() > 0 || a.onlineHours() != null && a.onlineHours() > 0;
    }

    /** E8: a trainee not registered (报到) by the end of the first day is a no-show; the platform pays for none of their days. */
    private static Refusal noShowsAttending(List<String> teacherIds) {
        var named = String.join("、", teacherIds.subList(0, Math.min(teacherIds.size(), 20))) + (teacherIds.size() > 20 ? " …" : "");
        return Refusal.unprocessable("E8", Text.of(
                        "学员 " + named + " 开班时未报到，已记为未参训，不能记录其出勤",
                        "Trainees " + named.replace("、", ", ") + " did not register (报到) by the end of the first day and are recorded as no-shows: "
                                + "no attendance can be recorded for them"),
                Map.of("error", "NoShowAttendance", "teacherIds", teacherIds.subList(0, Math.min(teacherIds.size(), 20))));
    }
}
