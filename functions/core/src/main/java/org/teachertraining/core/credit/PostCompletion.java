package org.teachertraining.core.credit;

import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.Certificates;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.ReleaseBannedSeats;
import org.teachertraining.core.integrity.IntegrityNotice;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.teacher.Teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posts a completion (C1, C4, C5, E4): hours for every trainee who passed, one ledger entry per category;
 * an integrity record for every failure, dismissal and no-show; a completion certificate per passed
 * trainee (C6) with a random code. Each trainee's result is posted in one atomic step with its guard
 * ({@link ProjectResults}): exactly once however often the message comes, and never for a trainee whose
 * result another completion holds. The whole completion is checked before anything is written. A record's ban releases
 * the trainee's seats in later provincial and national projects ({@link ReleaseBannedSeats}).
 */
public final class PostCompletion {
    /** What a posting did: results posted now, results this completion had posted before, trainees another completion holds. */
    public record Posted(int posted, int alreadyPosted, int heldByAnother) {}

    private final CheckCompletion checkCompletion;
    private final ProjectResults results;
    private final Certificates certificates;
    private final RefreshCompliance compliance;
    private final ReleaseBannedSeats bannedSeats;

    public PostCompletion(CheckCompletion checkCompletion, ProjectResults results, Certificates certificates, RefreshCompliance compliance,
                          ReleaseBannedSeats bannedSeats) {
        this.checkCompletion = checkCompletion;
        this.results = results;
        this.certificates = certificates;
        this.compliance = compliance;
        this.bannedSeats = bannedSeats;
    }

    public Outcome<Posted> execute(Completion c) {
        return checkCompletion.checked(c).map(checked -> post(c, checked));
    }

    /**
     * The year a project's hours are credited to: the year its training ended. A completion is recorded only after the
     * end date, so a class ending in late December is recorded in January; its hours still belong to the year, and the
     * cycle, in which they were earned — and a correction made later does not move them.
     */
    public static int creditYear(Project project) {
        return project.endDate().getYear();
    }

    /** The ledger entries a result gives: one per category with hours, IDs derived from the source so a repeat changes nothing. */
    static List<CreditEntry> entries(ProjectResult r, int year, String source, String recordedBy, java.time.Instant at) {
        var entries = new ArrayList<CreditEntry>();
        if (r.outcome() != Completion.Outcome.PASSED) return entries;
        new java.util.TreeMap<>(r.hours()).forEach((category, h) -> {
            if (h > 0) {
                entries.add(new CreditEntry(source + ":" + r.teacherId() + ":" + category, r.teacherId(), year,
                        category, h, r.topic(), source, r.projectId(), null, null, recordedBy, at));
            }
        });
        return entries;
    }

    /**
     * The integrity record (E4) a result gives: none when passed; a no-show dated the project's start date (when it
     * happened, and the same record the lifecycle writes for a trainee who never registered, E8); a dismissal or a
     * failure dated the day it was recorded.
     */
    static IntegrityRecord integrityRecord(ProjectResult r, java.time.Instant at, java.time.LocalDate startDate) {
        if (r.outcome() == Completion.Outcome.PASSED) return null;
        var on = r.outcome() == Completion.Outcome.NO_SHOW ? startDate : at.atZone(ChinaTime.ZONE).toLocalDate();
        return IntegrityRecord.of(r.teacherId(), IntegrityRecord.Kind.valueOf(r.outcome().name()), r.projectId(), on);
    }

    /**
     * Posts each trainee's result with what the check read: the trainees' enrollments (the ban's date, the certificate's
     * names) and their teacher records (their compliance).
     */
    private Posted post(Completion c, CheckCompletion.Checked checked) {
        var seats = checked.seats();
        int posted = 0, already = 0, another = 0;
        for (var trainee : c.results()) {
            var result = ProjectResult.of(c, trainee);
            var entries = entries(result, creditYear(checked.project()), c.completionId(), c.recordedBy(), c.recordedAt());
            var enrollment = seats.get(trainee.teacherId());
            var teacher = checked.teachers().get(trainee.teacherId());
            var record = integrityRecord(result, c.recordedAt(), enrollment.projectStartDate());
            var posting = results.post(result, entries, record, told(record, enrollment, teacher, c.completionId(), c.recordedAt()), Certificate.newCode());
            if (posting instanceof ProjectResults.Posting.Taken) {
                another++;   // C5: another completion holds this trainee's result; nothing of this one is posted for them
                continue;
            }
            Optional.ofNullable(teacher).ifPresent(compliance::refresh);
            // after the record, and again on a redelivery: the seats its ban keeps the trainee from (E4)
            if (record != null) bannedSeats.of(trainee.teacherId(), c.completionId());
            // issued after the credits: a redelivery that finds the credits posted still completes it, idempotently
            if (posting instanceof ProjectResults.Posting.Posted p) {
                posted++;
                if (p.certificateCode() != null) certificates.issueNew(certificate(c, trainee, enrollment, teacher, p.certificateCode(), entries));
            } else if (posting instanceof ProjectResults.Posting.AlreadyPosted p) {
                already++;
                var stored = p.result();
                if (stored.outcome() == Completion.Outcome.PASSED && stored.completionId().equals(c.completionId())) {
                    certificates.issue(certificate(c, trainee, enrollment, teacher, stored.certificateCode(), entries));
                }
            }
        }
        return new Posted(posted, already, another);
    }

    /**
     * Who is told of the record a result gives (通知到人): the teacher, and for a no-show their county — unless the
     * lifecycle marked the trainee a no-show already, and told them then (E8).
     */
    static List<Notification> told(IntegrityRecord record, Enrollment enrollment, Teacher teacher, String source, java.time.Instant at) {
        if (record == null || enrollment.status() == EnrollmentStatus.NO_SHOW) return List.of();
        return IntegrityNotice.recorded(record, nameOf(enrollment, teacher), enrollment.projectName(), enrollment.jurisdiction(), source, at);
    }

    /** The teacher named as registered now (C6: the transcript, the certificate and the notices agree), not as when selected. */
    static String nameOf(Enrollment enrollment, Teacher teacher) {
        return teacher == null ? enrollment.teacherName() : teacher.name();
    }

    private static Certificate certificate(Completion c, Completion.Result trainee, Enrollment enrollment, Teacher teacher, String code,
                                           List<CreditEntry> entries) {
        return new Certificate(code, trainee.teacherId(), nameOf(enrollment, teacher), c.projectId(), enrollment.projectName(), c.institutionId(),
                entries.stream().mapToInt(CreditEntry::hours).sum(), c.recordedAt().atZone(ChinaTime.ZONE).toLocalDate());
    }
}
