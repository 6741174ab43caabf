package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.TeacherAccess;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.List;

/**
 * Schools record school-based hours (C2); the county approves or rejects them. The decision is taken
 * once (a conditional change from PENDING); approved hours are then posted to the ledger exactly once
 * (entry {@code SB:<recordId>}), so a retried approval posts nothing twice and a rejected record never posts.
 */
public final class RecordSchoolBasedHours {
    public record Command(String recordId, Integer year, Integer hours, String activity, String topic) {}

    private final Teachers teachers;
    private final SchoolBasedRecords records;
    private final Ledger ledger;
    private final Access access;
    private final Clock clock;
    private final RefreshCompliance compliance;
    private final RequirementBook requirements;

    public RecordSchoolBasedHours(Teachers teachers, SchoolBasedRecords records, Ledger ledger, Access access, Clock clock,
                                  RefreshCompliance compliance, RequirementBook requirements) {
        this.requirements = requirements;
        this.teachers = teachers;
        this.records = records;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
        this.compliance = compliance;
    }

    public Outcome<SchoolBasedHours> record(Caller caller, String teacherId, Command c) {
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        var denied = access.require(caller, teacher.get().unit(), Role.SCHOOL_ADMIN);   // the school's own teachers
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.identifier("recordId", c.recordId());
        int thisYear = ChinaTime.today(clock).getYear();
        int began = teacher.get().teachingSince().getYear();
        if (v.required("year", c.year())) {
            v.range("year", c.year(), thisYear - 5, thisYear);
            if (c.year() >= thisYear - 5 && c.year() < began) v.add("year", "早于该教师的从教年份（" + began + " 年）", "before the teacher began teaching (" + began + ")");
        }
        if (v.required("hours", c.hours())) v.range("hours", c.hours(), 1, 200);
        v.text("activity", c.activity(), 200);
        if (c.topic() != null) requirements.checkTopic(v, "topic", c.topic());   // as a completion's: HEAD_TEACHER, whatever its case
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var record = new SchoolBasedHours(c.recordId(), teacherId, teacher.get().jurisdiction(), c.year(), c.hours(), c.activity().strip(),
                c.topic(), SchoolBasedHours.Status.PENDING, caller.userId(), clock.instant(), null, null);
        if (!records.add(record)) {
            return Outcome.refused(Refusal.conflict(null, Text.of("记录编号已存在：" + c.recordId(), "A record " + c.recordId() + " exists already")));
        }
        return Outcome.done(record);
    }

    public Outcome<SchoolBasedHours> decide(Caller caller, String teacherId, String recordId, Boolean approve, String note) {
        var found = records.find(teacherId, recordId);
        if (found.isEmpty()) {
            // said only to the county over the teacher: to anyone else, whether the record exists is no answer
            return Outcome.refused(TeacherAccess.absent(access, teachers, caller, teacherId,
                    Refusal.notFound(Text.of("没有这条校本研修记录：" + recordId, "No school-based record " + recordId)), Role.COUNTY_ADMIN));
        }
        var record = found.get();
        var denied = access.require(caller, record.jurisdiction(), Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.required("approved", approve);
        v.optionalText("note", note, 500);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var status = approve ? SchoolBasedHours.Status.APPROVED : SchoolBasedHours.Status.REJECTED;
        var current = record;
        if (record.status() == SchoolBasedHours.Status.PENDING) {
            var decided = record.decided(status, caller.userId(), note);
            current = records.decide(decided) ? decided : records.find(teacherId, recordId).orElseThrow();
        }
        if (current.status() != status) {
            return Outcome.refused(Refusal.conflict(null, Text.of("该记录已被处理：" + org.teachertraining.core.common.Labels.zh(current.status()), "The record was already decided: " + org.teachertraining.core.common.Labels.of(current.status()).en())));
        }
        // approved: post (again, harmlessly, on a retry — this also completes an approval interrupted before posting)
        if (status == SchoolBasedHours.Status.APPROVED) {
            ledger.post(teacherId, List.of(new CreditEntry("SB:" + recordId, teacherId, current.year(), CreditCategory.SCHOOL_BASED, current.hours(),
                    current.topic(), "school-based:" + recordId, null, null, null, current.decidedBy(), clock.instant())));
            teachers.find(teacherId).ifPresent(compliance::refresh);
        }
        return Outcome.done(current);
    }
}
