package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.submission.SubmissionKind;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.Inspection;
import org.teachertraining.core.submission.ListDeliverables;
import org.teachertraining.core.submission.ReceiveUpload;
import org.teachertraining.core.submission.RecordSchedule;
import org.teachertraining.core.submission.ReportClasses;
import org.teachertraining.core.submission.RequestUpload;
import org.teachertraining.core.submission.Submission;
import org.teachertraining.core.submission.TrainingClass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class SubmissionsTest {
    static final Caller HENU = new Caller("henu-admin", Role.INSTITUTION, null, "HENU", null);
    static final Caller ZZU = new Caller("zzu-admin", Role.INSTITUTION, null, "ZZU", null);
    static final String SHA = "a".repeat(64);

    final World w = new World();
    final RequestUpload request = new RequestUpload(w.ports.projects, w.ports.quotas, w.ports.submissions, w.ports.uploadUrls, w.clock);
    final ReceiveUpload receive = new ReceiveUpload(w.ports.submissions);
    final ReportClasses reportClasses = new ReportClasses(w.ports.projects, w.ports.submissions, w.clock);
    final RecordSchedule schedule = new RecordSchedule(w.ports.projects, w.ports.submissions, w.clock);
    final ListDeliverables list = new ListDeliverables(w.ports.projects, w.ports.quotas, w.ports.submissions, w.access, w.clock);
    final Project project = w.projectWithCountySeats(50);   // HN2020-04: 2020-10-12..10-26, cutoff 9/25, run by HENU

    RequestUpload.Command pdf(SubmissionKind kind, Integer classNo, String sha) {
        return new RequestUpload.Command(kind, classNo, "文件.pdf", 1000L, "application/pdf", sha, null);
    }

    /** Requests and receives a clean PDF at {@code at}. */
    Submission accepted(SubmissionKind kind, Integer classNo, String sha, String at) {
        var s = done(request.execute(HENU, project.id(), pdf(kind, classNo, sha))).submission();
        return receive.execute(new ReceiveUpload.Received(s.objectKey(), 1000, sha, Inspection.clean(FileType.PDF, 3),
                OffsetDateTime.parse(at).toInstant())).orElseThrow();
    }

    Deliverables.Deliverable deliverable(SubmissionKind kind, Integer classNo) {
        return done(list.execute(HENU, project.id())).deliverables().stream()
                .filter(d -> d.kind() == kind && java.util.Objects.equals(d.classNo(), classNo)).findFirst().orElseThrow();
    }

    @Test
    void theRegistrationNoticeIsDueFifteenDaysBeforeTheClassStarts_inChinaTime() {
        var d = deliverable(SubmissionKind.REGISTRATION_NOTICE, 1);
        assertEquals(LocalDate.of(2020, 9, 27), d.dueDate());    // 10-12 minus 15 days
        assertEquals(Deliverables.Status.MISSING, d.status());
        // 23:59:59 on 9/27 in Zhengzhou is 15 days before: on time
        accepted(SubmissionKind.REGISTRATION_NOTICE, 1, "1".repeat(64), "2020-09-27T23:59:59+08:00");
        w.clock.set(OffsetDateTime.parse("2020-10-01T09:00:00+08:00"));
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.REGISTRATION_NOTICE, 1).status());
    }

    @Test
    void aNoticeFourteenDaysBeforeIsLate_evenWhenItIsStillThe27thInUtc() {
        // 16:00 UTC on 9/27 is midnight of 9/28 in Zhengzhou: 14 days before the start
        accepted(SubmissionKind.REGISTRATION_NOTICE, 1, "2".repeat(64), "2020-09-27T16:00:00Z");
        w.clock.set(OffsetDateTime.parse("2020-09-27T23:59:59+08:00"));
        var before = deliverable(SubmissionKind.REGISTRATION_NOTICE, 1);
        assertEquals(0, before.accepted());
        assertEquals(Deliverables.Status.MISSING, before.status());   // not yet due, and nothing on time
        w.clock.set(OffsetDateTime.parse("2020-09-28T00:00:00+08:00"));
        assertEquals(Deliverables.Status.LATE, deliverable(SubmissionKind.REGISTRATION_NOTICE, 1).status());
    }

    @Test
    void theScheduleIsDueFiveDaysBefore_andEachReportedClassOwesItsOwn() {
        done(reportClasses.execute(HENU, project.id(), List.of(new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 18)),
                new TrainingClass(2, LocalDate.of(2020, 10, 20), LocalDate.of(2020, 10, 26)))));
        assertEquals(LocalDate.of(2020, 10, 7), deliverable(SubmissionKind.COURSE_SCHEDULE, 1).dueDate());
        assertEquals(LocalDate.of(2020, 10, 15), deliverable(SubmissionKind.COURSE_SCHEDULE, 2).dueDate());
        assertEquals(LocalDate.of(2020, 10, 5), deliverable(SubmissionKind.REGISTRATION_NOTICE, 2).dueDate());
        accepted(SubmissionKind.COURSE_SCHEDULE, 2, "3".repeat(64), "2020-10-15T20:00:00+08:00");
        w.clock.set(OffsetDateTime.parse("2020-10-16T00:00:00+08:00"));
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.COURSE_SCHEDULE, 2).status());
        assertEquals(Deliverables.Status.LATE, deliverable(SubmissionKind.COURSE_SCHEDULE, 1).status());
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.CLASS_DATES, null).status());   // reported 9/1, before 9/25
    }

    @Test
    void classDatesReportedAfterTheCutoffAreLate() {
        w.clock.set(OffsetDateTime.parse("2020-09-26T00:00:00+08:00"));
        assertEquals(Deliverables.Status.LATE, deliverable(SubmissionKind.CLASS_DATES, null).status());
        done(reportClasses.execute(HENU, project.id(), List.of(new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 26)))));
        assertEquals(Deliverables.Status.LATE, deliverable(SubmissionKind.CLASS_DATES, null).status());
    }

    @Test
    void threeWorkBriefsDuringTraining_aBriefBeforeTheStartDoesNotCount() {
        accepted(SubmissionKind.WORK_BRIEF, null, "4".repeat(64), "2020-10-11T12:00:00+08:00");
        accepted(SubmissionKind.WORK_BRIEF, null, "5".repeat(64), "2020-10-13T12:00:00+08:00");
        accepted(SubmissionKind.WORK_BRIEF, null, "6".repeat(64), "2020-10-20T12:00:00+08:00");
        var d = deliverable(SubmissionKind.WORK_BRIEF, null);
        assertEquals(2, d.accepted());
        assertEquals(3, d.required());
        assertEquals(LocalDate.of(2020, 10, 26), d.dueDate());
        accepted(SubmissionKind.WORK_BRIEF, null, "7".repeat(64), "2020-10-26T23:00:00+08:00");
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.WORK_BRIEF, null).status());
    }

    @Test
    void afterTrainingThirtyDays_resourcesPerFiftyTrainees_casesForATenth() {
        done(w.allocate.execute(World.XINYANG, project.id(), "411523", 60));
        for (int i = 0; i < 51; i++) {
            w.addTeacher("T" + i, "411523");
            done(w.enroll.execute(World.XIN_COUNTY, project.id(), "T" + i, null));
        }
        var overview = done(list.execute(World.PROVINCE, project.id()));
        assertEquals(51, overview.trainees());
        var resources = overview.deliverables().stream().filter(d -> d.kind() == SubmissionKind.COURSE_RESOURCE).findFirst().orElseThrow();
        assertEquals(2, resources.required());                       // 51 trainees: two classes of 50
        assertEquals(LocalDate.of(2020, 11, 25), resources.dueDate()); // 10-26 + 30 days
        var tooFew = refused(request.execute(HENU, project.id(), new RequestUpload.Command(SubmissionKind.CASE_COLLECTION, null,
                "案例集.pdf", 1000L, "application/pdf", SHA, 5)));
        assertEquals("S4", tooFew.rule());
        assertEquals(6, tooFew.details().get("casesNeeded"));        // 1/10 of 51, rounded up
        assertTrue(done(request.execute(HENU, project.id(), new RequestUpload.Command(SubmissionKind.CASE_COLLECTION, null,
                "案例集.pdf", 1000L, "application/pdf", SHA, 6))).created());
    }

    @Test
    void onlyTheProjectsInstitutionUploads_andTheRequestIsChecked() {
        assertEquals(Refusal.Kind.FORBIDDEN, refused(request.execute(ZZU, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA))).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(request.execute(World.PROVINCE, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA))).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(request.execute(HENU, "nope", pdf(SubmissionKind.APPLICATION, null, SHA))).kind());
        var exe = refused(request.execute(HENU, project.id(), new RequestUpload.Command(SubmissionKind.APPLICATION, null, "a.exe", 10L, "application/x-msdownload", SHA, null)));
        assertEquals("contentType", exe.errors().get(0).field());
        assertEquals("项目申报书（盖章 PDF）只接受：PDF 文件（application/pdf）", exe.errors().get(0).message().zh(), "what is accepted, named, no list's brackets");
        assertEquals("size", field(new RequestUpload.Command(SubmissionKind.APPLICATION, null, "a.pdf", 51L * 1024 * 1024, "application/pdf", SHA, null)));
        assertEquals("size", field(new RequestUpload.Command(SubmissionKind.APPLICATION, null, "a.pdf", 0L, "application/pdf", SHA, null)));
        assertEquals("sha256", field(pdf(SubmissionKind.APPLICATION, null, "XYZ")));
        assertEquals("fileName", field(new RequestUpload.Command(SubmissionKind.APPLICATION, null, "../../etc/passwd", 10L, "application/pdf", SHA, null)));
        assertEquals("classNo", field(pdf(SubmissionKind.REGISTRATION_NOTICE, null, SHA)));
        assertEquals("classNo", field(pdf(SubmissionKind.REGISTRATION_NOTICE, 2, SHA)));
        assertEquals("classNo", field(pdf(SubmissionKind.APPLICATION, 1, SHA)));
        assertEquals("kind", field(pdf(SubmissionKind.CLASS_DATES, null, SHA)));
        assertEquals("kind", field(pdf(null, null, SHA)));
        assertEquals(0, w.ports.submissions.ofProject(project.id()).size());
    }

    String field(RequestUpload.Command c) {
        return refused(request.execute(HENU, project.id(), c)).errors().get(0).field();
    }

    @Test
    void theSameFileTwiceIsOneSubmission_unlessTheFirstWasRejected() {
        var first = done(request.execute(HENU, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA)));
        assertTrue(first.created());
        assertTrue(first.submission().objectKey().startsWith("submissions/" + project.id() + "/HENU/"));
        assertNotNull(first.uploadUrl());
        var again = done(request.execute(HENU, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA)));
        assertFalse(again.created());
        assertEquals(first.submission().id(), again.submission().id());
        assertNotNull(again.uploadUrl());   // not yet uploaded: a fresh URL for the same object

        // received with other bytes: rejected, and the same declared file may then be tried again
        var rejected = receive.execute(new ReceiveUpload.Received(first.submission().objectKey(), 1000, "b".repeat(64),
                Inspection.clean(FileType.PDF, 1), Instant.now())).orElseThrow();
        assertEquals(Submission.Status.REJECTED, rejected.status());
        assertTrue(rejected.reason().en().startsWith("Checksum mismatch"), rejected.reason().en());
        var retry = done(request.execute(HENU, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA)));
        assertTrue(retry.created());
        var ok = receive.execute(new ReceiveUpload.Received(retry.submission().objectKey(), 1000, SHA, Inspection.clean(FileType.PDF, 4),
                Instant.now())).orElseThrow();
        assertEquals(Submission.Status.ACCEPTED, ok.status());
        assertEquals(4, ok.pages());
        var afterAccepted = done(request.execute(HENU, project.id(), pdf(SubmissionKind.APPLICATION, null, SHA)));
        assertFalse(afterAccepted.created());
        assertNull(afterAccepted.uploadUrl());   // received already: nothing to upload
        // a redelivered storage event changes nothing
        assertTrue(receive.execute(new ReceiveUpload.Received(retry.submission().objectKey(), 1, "c".repeat(64),
                Inspection.clean(FileType.PDF, 1), Instant.now())).isEmpty());
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.APPLICATION, null).status());
    }

    @Test
    void theReceivedBytesDecide() {
        assertEquals("Size mismatch: declared 1000 bytes, received 999", reason(999, SHA, Inspection.clean(FileType.PDF, 1)));
        assertTrue(reason(1000, SHA, Inspection.unknown(Text.of("Windows 可执行文件", "a Windows executable"))).endsWith("but a Windows executable"));
        assertEquals("The bytes are DOCX, not the declared application/pdf", reason(SubmissionKind.WORK_BRIEF, 1000, SHA, Inspection.clean(FileType.DOCX, null)));
        assertEquals("Application (sealed PDF) does not accept DOCX files", reason(1000, SHA, Inspection.clean(FileType.DOCX, null)));
        assertEquals("Application (sealed PDF) does not accept MP4 files", reason(1000, SHA, Inspection.clean(FileType.MP4, null)));
        assertEquals("encrypted", reason(1000, SHA, Inspection.faulty(FileType.PDF, Text.of("加密", "encrypted"))));
    }

    String reason(long size, String sha, Inspection inspection) {
        return reason(SubmissionKind.APPLICATION, size, sha, inspection);
    }

    String reason(SubmissionKind kind, long size, String sha, Inspection inspection) {
        var s = done(request.execute(HENU, project.id(), pdf(kind, null, Long.toHexString(System.nanoTime()).repeat(8).substring(0, 64)))).submission();
        var decided = receive.execute(new ReceiveUpload.Received(s.objectKey(), size, sha.equals(SHA) ? s.sha256() : sha, inspection, Instant.now()))
                .orElseThrow();
        assertEquals(Submission.Status.REJECTED, decided.status());
        return decided.reason().en();
    }

    @Test
    void aStructuredScheduleNeedsHalfItsHoursInPractice() {
        var lectures = new RecordSchedule.Session("专题讲座", 20, false);
        var refusal = refused(schedule.execute(HENU, project.id(), 1, List.of(lectures, new RecordSchedule.Session("跟岗研修", 19, true))));
        assertEquals("S5", refusal.rule());
        assertEquals(19, refusal.details().get("practiceHours"));
        var ok = done(schedule.execute(HENU, project.id(), 1, List.of(lectures, new RecordSchedule.Session("跟岗研修", 20, true))));
        assertEquals(50, ok.practiceShare());
        assertEquals(Deliverables.Status.ACCEPTED, deliverable(SubmissionKind.COURSE_SCHEDULE, 1).status());
        assertEquals("sessions[0].hours", refused(schedule.execute(HENU, project.id(), 1,
                List.of(new RecordSchedule.Session("x", 0, true)))).errors().get(0).field());
        assertEquals("classNo", refused(schedule.execute(HENU, project.id(), 3, List.of(lectures))).errors().get(0).field());
    }

    @Test
    void classesAreCheckedAgainstTheProjectsDates() {
        assertEquals("classes[0]", refused(reportClasses.execute(HENU, project.id(),
                List.of(new TrainingClass(1, LocalDate.of(2020, 10, 1), LocalDate.of(2020, 10, 5))))).errors().get(0).field());
        assertEquals("classes[1].no", refused(reportClasses.execute(HENU, project.id(), List.of(
                new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 13)),
                new TrainingClass(1, LocalDate.of(2020, 10, 14), LocalDate.of(2020, 10, 15))))).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(reportClasses.execute(ZZU, project.id(),
                List.of(new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 13))))).kind());
    }

    /** 报到 runs on each class's first day: a class that started keeps its date, and none moves into the past (E8, E4). */
    @Test
    void aStartedClassKeepsItsStartDate_andNoClassMovesIntoThePast() {
        var first = new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 16));
        var second = new TrainingClass(2, LocalDate.of(2020, 10, 19), LocalDate.of(2020, 10, 23));
        done(reportClasses.execute(HENU, project.id(), List.of(first, second)));
        w.clock.set(java.time.OffsetDateTime.parse("2020-10-14T09:00:00+08:00"));   // the first class runs
        var moved = refused(reportClasses.execute(HENU, project.id(), List.of(new TrainingClass(1, LocalDate.of(2020, 10, 15), LocalDate.of(2020, 10, 16)), second)));
        assertEquals("S2", moved.rule());
        assertEquals(1, moved.details().get("classNo"));
        assertEquals("第 1 期已于 2020-10-12 开班，期次和开班日期不能再改", moved.message().zh());
        var renumbered = List.of(new TrainingClass(1, second.startDate(), second.endDate()), new TrainingClass(2, first.startDate(), first.endDate()));
        assertEquals("S2", refused(reportClasses.execute(HENU, project.id(), renumbered)).rule(), "renumbered");
        assertEquals("S2", refused(reportClasses.execute(HENU, project.id(), List.of(new TrainingClass(1, second.startDate(), second.endDate())))).rule(), "dropped");
        var backdated = refused(reportClasses.execute(HENU, project.id(), List.of(first, new TrainingClass(2, LocalDate.of(2020, 10, 13), LocalDate.of(2020, 10, 23)))));
        assertEquals("S2", backdated.rule());
        assertEquals(2, backdated.details().get("classNo"));
        // what may change: the started class's end, a class not started yet to today or later
        done(reportClasses.execute(HENU, project.id(), List.of(new TrainingClass(1, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 17)),
                new TrainingClass(2, LocalDate.of(2020, 10, 14), LocalDate.of(2020, 10, 20)))));
        assertEquals(LocalDate.of(2020, 10, 14), w.ports.submissions.classes(project.id()).orElseThrow().classes().get(1).startDate());
    }

    @Test
    void adminsOverTheOwnerAndTheInstitutionSeeTheDeliverables_othersDoNot() {
        assertEquals(9, done(list.execute(World.PROVINCE, project.id())).deliverables().size());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(World.XINYANG, project.id())).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(list.execute(ZZU, project.id())).kind());
    }
}
