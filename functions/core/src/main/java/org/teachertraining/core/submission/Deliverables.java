package org.teachertraining.core.submission;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.project.Project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a project's institution owes and by when (docs/domain.md S1–S4), derived from the project's dates, its
 * reported classes and its trainee count, with each requirement's standing against the submissions.
 * Dates are China Standard Time: "by day D" means before the first instant of D+1 in Asia/Shanghai.
 */
public final class Deliverables {
    public enum Status { MISSING, SUBMITTED, ACCEPTED, REJECTED, LATE }

    /**
     * @param dueDate  the last day it may arrive (null: due before approval, no fixed date)
     * @param deadline the instant it is late from
     * @param accepted accepted submissions that count (on time, and for briefs during training)
     */
    public record Deliverable(SubmissionKind kind, String rule, Text title, Integer classNo, int required, int accepted,
                              LocalDate dueDate, Instant deadline, Status status, List<Submission> submissions) {}

    /** S2: the registration notice at least 15 days, the course schedule at least 5 days before a class starts. */
    public static final int NOTICE_DAYS_BEFORE = 15, SCHEDULE_DAYS_BEFORE = 5;
    /** S3: at least 3 work briefs during training. */
    public static final int WORK_BRIEFS = 3;
    /** S4: within 30 days after training ends; a course resource per 50 trainees; cases for 1/10 of trainees. */
    public static final int AFTER_DAYS = 30, TRAINEES_PER_RESOURCE = 50, TRAINEES_PER_CASE = 10;

    private Deliverables() {}

    /** The classes that count: those reported, or else one class over the project's own dates. */
    public static List<TrainingClass> classes(Project p, Optional<ReportedClasses> reported) {
        return reported.map(ReportedClasses::classes).filter(c -> !c.isEmpty())
                .orElse(List.of(new TrainingClass(1, p.startDate(), p.endDate())));
    }

    public static int casesNeeded(int trainees) {
        return Math.max(1, ceilDiv(trainees, TRAINEES_PER_CASE));
    }

    /** The project's deliverables as they stand at {@code now}: its reported classes, trainees and submissions read. */
    public static List<Deliverable> current(Project p, Submissions submissions, org.teachertraining.core.quota.Quotas quotas, Instant now) {
        return derive(p, submissions.classes(p.id()), quotas.enrolled(p.id()), submissions.ofProject(p.id()), now);
    }

    public static List<Deliverable> derive(Project p, Optional<ReportedClasses> reported, int trainees, List<Submission> submissions,
                                           Instant now) {
        var classes = classes(p, reported);
        LocalDate firstDay = classes.stream().map(TrainingClass::startDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate lastDay = classes.stream().map(TrainingClass::endDate).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate afterDue = lastDay.plusDays(AFTER_DAYS);
        var out = new ArrayList<Deliverable>();

        out.add(of(SubmissionKind.APPLICATION, null, 1, null, null, submissions, now));
        out.add(classDates(p, reported, now));
        for (var c : classes) {
            out.add(of(SubmissionKind.REGISTRATION_NOTICE, c.no(), 1, c.startDate().minusDays(NOTICE_DAYS_BEFORE), null, submissions, now));
            out.add(of(SubmissionKind.COURSE_SCHEDULE, c.no(), 1, c.startDate().minusDays(SCHEDULE_DAYS_BEFORE), null, submissions, now));
        }
        out.add(of(SubmissionKind.WORK_BRIEF, null, WORK_BRIEFS, lastDay, ChinaTime.startOf(firstDay), submissions, now));
        out.add(of(SubmissionKind.SELF_EVALUATION, null, 1, afterDue, null, submissions, now));
        out.add(of(SubmissionKind.COURSE_RESOURCE, null, Math.max(classes.size(), ceilDiv(trainees, TRAINEES_PER_RESOURCE)), afterDue, null,
                submissions, now));
        int casesNeeded = casesNeeded(trainees);
        out.add(of(SubmissionKind.CASE_COLLECTION, null, 1, afterDue, null,
                submissions.stream().filter(s -> s.cases() == null || s.cases() >= casesNeeded).toList(), now));
        out.add(of(SubmissionKind.PUBLICITY, null, 1, afterDue, null, submissions, now));
        return out;
    }

    private static Deliverable of(SubmissionKind kind, Integer classNo, int required, LocalDate dueDate, Instant windowStart,
                                  List<Submission> all, Instant now) {
        var mine = all.stream().filter(s -> s.kind() == kind && (classNo == null || classNo.equals(s.classNo())))
                .sorted(Comparator.comparing(Submission::requestedAt)).toList();
        Instant deadline = dueDate == null ? null : ChinaTime.startOf(dueDate.plusDays(1));
        int accepted = (int) mine.stream().filter(s -> s.status() == Submission.Status.ACCEPTED
                && (deadline == null || s.receivedAt().isBefore(deadline))
                && (windowStart == null || !s.receivedAt().isBefore(windowStart))).count();
        return new Deliverable(kind, kind.rule(), kind.title(), classNo, required, accepted, dueDate, deadline,
                status(accepted >= required, deadline != null && !now.isBefore(deadline), mine), mine);
    }

    private static Deliverable classDates(Project p, Optional<ReportedClasses> reported, Instant now) {
        Instant cutoff = p.selectionCutoff();
        boolean onTime = reported.isPresent() && reported.get().reportedAt().isBefore(cutoff.plusNanos(1));
        Status status = onTime ? Status.ACCEPTED : reported.isPresent() || now.isAfter(cutoff) ? Status.LATE : Status.MISSING;
        return new Deliverable(SubmissionKind.CLASS_DATES, "S2", SubmissionKind.CLASS_DATES.title(), null, 1, onTime ? 1 : 0,
                LocalDate.ofInstant(cutoff, ChinaTime.ZONE), cutoff, status, List.of());
    }

    private static Status status(boolean met, boolean pastDue, List<Submission> mine) {
        if (met) return Status.ACCEPTED;
        if (pastDue) return Status.LATE;
        if (mine.stream().anyMatch(s -> s.status() == Submission.Status.AWAITING_UPLOAD)) return Status.SUBMITTED;
        if (!mine.isEmpty() && mine.get(mine.size() - 1).status() == Submission.Status.REJECTED) return Status.REJECTED;
        return Status.MISSING;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
