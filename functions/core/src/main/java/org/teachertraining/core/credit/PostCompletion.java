package org.teachertraining.core.credit;

import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.Certificates;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.teacher.Teachers;

import java.util.ArrayList;

/**
 * Posts a completion (C1, C4, C5, E4): hours for every trainee who passed, if the institution is accredited for them, one ledger entry per category,
 * exactly once however often the message comes; an integrity record for every failure, dismissal and
 * no-show, and a completion certificate per passed trainee (C6). The whole completion is checked before anything is written, so a bad one writes nothing.
 */
public final class PostCompletion {
    /** What a posting did: teachers credited now, teachers already credited before, integrity records written. */
    public record Posted(int credited, int alreadyPosted, int integrityRecords) {}

    private final CheckCompletion checkCompletion;
    private final Enrollments enrollments;
    private final Ledger ledger;
    private final IntegrityRecords integrity;
    private final Certificates certificates;
    private final Teachers teachers;
    private final RefreshCompliance compliance;

    public PostCompletion(CheckCompletion checkCompletion, Enrollments enrollments, Ledger ledger, IntegrityRecords integrity,
                          Certificates certificates, Teachers teachers, RefreshCompliance compliance) {
        this.checkCompletion = checkCompletion;
        this.enrollments = enrollments;
        this.ledger = ledger;
        this.integrity = integrity;
        this.certificates = certificates;
        this.teachers = teachers;
        this.compliance = compliance;
    }

    public Outcome<Posted> execute(Completion c) {
        var refusal = checkCompletion.check(c);
        if (refusal.isPresent()) return Outcome.refused(refusal.get());
        return Outcome.done(post(c));
    }

    private Posted post(Completion c) {
        var day = c.recordedAt().atZone(ChinaTime.ZONE).toLocalDate();
        int credited = 0, already = 0, records = 0;
        for (var r : c.results()) {
            if (r.outcome() != Completion.Outcome.PASSED) {
                integrity.add(IntegrityRecord.of(r.teacherId(), IntegrityRecord.Kind.valueOf(r.outcome().name()), c.projectId(), day));
                records++;
                continue;
            }
            var entries = new ArrayList<CreditEntry>();
            r.hours().forEach((category, h) -> {
                if (h > 0) {
                    entries.add(new CreditEntry(c.completionId() + ":" + r.teacherId() + ":" + category, r.teacherId(), day.getYear(),
                            category, h, r.topic(), c.completionId(), c.projectId(), null, null, c.recordedBy(), c.recordedAt()));
                }
            });
            if (ledger.post(r.teacherId(), entries)) credited++;
            else already++;
            teachers.find(r.teacherId()).ifPresent(compliance::refresh);
            // issued after the credits, and idempotently: a redelivery that finds the credits posted still completes it
            var enrollment = enrollments.find(c.projectId(), r.teacherId()).orElseThrow();
            certificates.issue(new Certificate(Certificate.codeFor(c.completionId(), r.teacherId()), r.teacherId(), enrollment.teacherName(),
                    c.projectId(), enrollment.projectName(), c.institutionId(), entries.stream().mapToInt(CreditEntry::hours).sum(), day));
        }
        return new Posted(credited, already, records);
    }
}
