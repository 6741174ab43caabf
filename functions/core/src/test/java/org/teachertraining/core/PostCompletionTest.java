package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.teacher.SaveTeacher;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class PostCompletionTest {
    final World w = new World();
    final PostCompletion post = w.postCompletion;

    {
        w.accreditHenu();
    }

    String projectWithTrainees(String... teachers) {
        var p = w.projectWithCountySeats(10);
        for (var t : teachers) {
            w.addTeacher(t, "411523");
            done(w.enroll.execute(World.XIN_COUNTY, p.id(), t, null));
        }
        return p.id();
    }

    static Completion completion(String projectId, List<Completion.Result> results) {
        return new Completion("C-2020-1", projectId, "HENU", results, "henu-admin", OffsetDateTime.parse("2020-10-27T10:00:00+08:00").toInstant());
    }

    @Test
    void passedTraineesAreCreditedOncePerCategory_othersGetAnIntegrityRecord() {
        String p = projectWithTrainees("T1", "T2");
        var c = completion(p, List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 120, CreditCategory.ONLINE, 30), null),
                new Completion.Result("T2", Completion.Outcome.NO_SHOW, null, null)));
        var first = done(post.execute(c));
        assertEquals(2, first.posted());
        for (int i = 0; i < 4; i++) assertEquals(2, done(post.execute(c)).alreadyPosted());
        assertEquals(2, w.ports.ledger.ofTeacher("T1").size());
        assertEquals(150, w.ports.hours.creditedIn("T1", 2020));
        var ban = w.ports.integrity.ofTeacher("T2").get(0);
        assertEquals(IntegrityRecord.Kind.NO_SHOW, ban.kind());
        // a no-show happened on the first day (the project starts 2020-10-12): three years from then
        assertEquals(java.time.LocalDate.of(2023, 10, 12), ban.bannedUntil());
        // one certificate for the passed trainee, however often the completion came
        assertEquals(1, w.ports.certificateMap.size());
        var certificate = w.ports.certificateMap.values().iterator().next();
        // the code is random and stored with the result, not derivable from completion and teacher
        assertEquals(w.ports.results.find(p, "T1").orElseThrow().certificateCode(), certificate.code());
        assertTrue(certificate.code().matches("[A-HJ-NP-Z2-9]{16}"), certificate.code());
        assertEquals(150, certificate.hours());
        assertEquals("王芳", certificate.teacherName());
        assertEquals("王*", certificate.maskedName());
        assertEquals(16, certificate.code().length());
    }

    /**
     * Hours belong to the year the training ended, not the year its completion was recorded: a class ending in late
     * December is recorded in January at the earliest, and credited to the next year its hours would fall into the next
     * cycle (2021–2025 for Henan's 2016–2020). A correction made later keeps them where they were.
     */
    @Test
    void hoursAreCreditedToTheYearTheTrainingEnded_whenRecordedTheNextYear_andACorrectionLaterKeepsThemThere() {
        String p = projectWithTrainees("T1");
        assertEquals(2020, w.ports.projects.find(p).orElseThrow().endDate().getYear());
        w.clock.set(OffsetDateTime.parse("2021-01-04T10:00:00+08:00"));
        done(post.execute(new Completion("C-2021-1", p, "HENU", List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 40), null)),
                "henu-admin", w.clock.instant())));
        assertEquals(40, w.ports.hours.creditedIn("T1", 2020));
        assertEquals(0, w.ports.hours.creditedIn("T1", 2021));

        w.clock.set(OffsetDateTime.parse("2021-02-01T10:00:00+08:00"));
        done(w.correctResult.execute(World.PROVINCE, p, "T1", new org.teachertraining.core.credit.CorrectResult.Command(
                Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 36), null, "学时登记有误")));
        assertEquals(36, w.ports.hours.creditedIn("T1", 2020));
        assertEquals(0, w.ports.hours.creditedIn("T1", 2021));
        assertTrue(w.ports.ledger.ofTeacher("T1").stream().allMatch(e -> e.year() == 2020), w.ports.ledger.ofTeacher("T1").toString());
    }

    @Test
    void c6_theCertificateCarriesTheTeachersRegisteredName_evenWhenItWasCorrectedAfterTheSelection() {
        String p = projectWithTrainees("T1");
        // the county corrects a typo in the name after the selection: the enrollment keeps the name it was made with
        var t = w.teacher("T1", "411523");
        done(w.saveTeacher.execute(World.XINYANG, new SaveTeacher.Command(t.id(), "王芳芳", t.jurisdiction(), t.schoolId(), t.stage(),
                t.subjects(), t.role(), t.schoolLocation(), t.teachingSince(), t.backboneLevel())));
        assertEquals("王芳", w.ports.enrollments.find(p, "T1").orElseThrow().teacherName());
        done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, 30), null)))));
        var certificate = w.ports.certificateMap.values().iterator().next();
        assertEquals("王芳芳", certificate.teacherName(), "the transcript and the certificate name the teacher alike (C6)");

        // a correction's new certificate too
        done(w.correctResult.execute(World.PROVINCE, p, "T1", new org.teachertraining.core.credit.CorrectResult.Command(
                Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, 20), null, "学时登记有误")));
        var corrected = w.ports.certificates.find(w.ports.results.find(p, "T1").orElseThrow().certificateCode()).orElseThrow();
        assertEquals("王芳芳", corrected.teacherName());
    }

    @Test
    void e4_aResultsRecordIsToldToTheTeacher_aNoShowsToTheCountyToo_onceHoweverOftenDelivered() {
        String p = projectWithTrainees("T1", "T2", "T3", "T4");
        // T4 never registered: the lifecycle marked the no-show and told them then
        w.ports.enrollments.move(w.ports.enrollments.find(p, "T4").orElseThrow(), org.teachertraining.core.enrollment.EnrollmentStatus.SELECTED,
                org.teachertraining.core.enrollment.EnrollmentStatus.NO_SHOW, "lifecycle", w.clock.instant());
        w.ports.notices.clear();
        var c = completion(p, List.of(
                new Completion.Result("T1", Completion.Outcome.FAILED, null, null),
                new Completion.Result("T2", Completion.Outcome.NO_SHOW, null, null),
                new Completion.Result("T3", Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, 30), null),
                new Completion.Result("T4", Completion.Outcome.NO_SHOW, null, null)));
        for (int i = 0; i < 3; i++) done(post.execute(c));
        var told = w.ports.notices.stream().filter(n -> n.kind().equals("INTEGRITY_RECORDED")).map(n -> n.recipient()).toList();
        assertEquals(List.of("TEACHER#T1", "TEACHER#T2", "JURISDICTION#411523"), told);
        assertEquals(List.of(1, 1, 0, 1), java.util.stream.Stream.of("T1", "T2", "T3", "T4").map(t -> w.ports.integrity.ofTeacher(t).size()).toList());

        // a correction that writes a record tells the teacher of it
        w.ports.notices.clear();
        done(w.correctResult.execute(World.PROVINCE, p, "T3", new org.teachertraining.core.credit.CorrectResult.Command(
                Completion.Outcome.DISMISSED, null, null, "考勤记录核实后劝退")));
        var corrected = w.ports.notices.stream().filter(n -> n.kind().equals("INTEGRITY_RECORDED")).toList();
        assertEquals(List.of("TEACHER#T3"), corrected.stream().map(n -> n.recipient()).toList());
        assertTrue(corrected.get(0).body().zh().contains("被劝退"), corrected.get(0).body().zh());
    }

    @Test
    void aPostingStoppedBeforeItsCertificate_isCompletedByTheRedelivery_withTheStoredCode() {
        String p = projectWithTrainees("T1");
        var c = completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 40), null)));
        var stopped = new java.util.concurrent.atomic.AtomicBoolean(true);
        var certificates = new org.teachertraining.core.certificate.Certificates() {
            public void issue(org.teachertraining.core.certificate.Certificate certificate) {
                if (stopped.getAndSet(false)) throw new IllegalStateException("the function stopped here");
                w.ports.certificates.issue(certificate);
            }
            public java.util.Optional<org.teachertraining.core.certificate.Certificate> find(String code) { return w.ports.certificates.find(code); }
        };
        var stopping = new PostCompletion(w.checkCompletion, w.ports.results, certificates, w.compliance, w.bannedSeats);
        assertThrows(IllegalStateException.class, () -> stopping.execute(c));
        assertEquals(40, w.ports.hours.creditedIn("T1", 2020), "the credits were posted before the certificate");
        assertTrue(w.ports.certificateMap.isEmpty());

        var again = done(stopping.execute(c));
        assertEquals(1, again.alreadyPosted());
        assertEquals(40, w.ports.hours.creditedIn("T1", 2020), "the redelivery credits nothing again");
        String code = w.ports.results.find(p, "T1").orElseThrow().certificateCode();
        assertEquals(java.util.Set.of(code), w.ports.certificateMap.keySet());
        assertEquals(40, w.ports.certificateMap.get(code).hours());
    }

    @Test
    void aBadCompletionWritesNothing() {
        String p = projectWithTrainees("T1");
        var r = refused(post.execute(completion(p, List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null),
                new Completion.Result("NOBODY", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null),
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, -5), null)))));
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals("results[2].teacherId")), r.toString());   // T1 twice
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals("results[2].hours.ONLINE")), r.toString());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
        var outsider = refused(post.execute(completion(p, List.of(
                new Completion.Result("NOBODY", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null)))));
        assertEquals("C4", outsider.rule());
        assertEquals("NOBODY", outsider.details().get("teacherId"));
    }

    /** A topic no requirement counts (a typo) would leave the hours counting toward none: refused, naming the topics there are. */
    @Test
    void c3_aTopicNoRequirementCountsIsRefused_oneThatSomeDoesIsTakenInAnyCase() {
        String p = projectWithTrainees("T1", "T2");
        var typo = refused(post.execute(completion(p, List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 30), "HEAD_TEACHR")))));
        var error = typo.errors().getFirst();
        assertEquals("results[0].topic", error.field());
        assertTrue(error.allowed().containsAll(List.of("HEAD_TEACHER", "IT_2_0")), error.toString());
        assertTrue(org.teachertraining.core.common.Labels.codesIn(error.message().zh()).isEmpty(), error.message().zh());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
        done(post.execute(completion(p, List.of(
                new Completion.Result("T2", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 30), "head_teacher")))));
        assertEquals(30, w.ports.ledger.ofTeacher("T2").stream().mapToInt(org.teachertraining.core.credit.CreditEntry::hours).sum());
    }

    @Test
    void onlyTheProjectsInstitutionPostsItsCompletion() {
        String p = projectWithTrainees("T1");
        var other = new Completion("C-x", p, "ZZU", List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 10), null)), "zzu", OffsetDateTime.parse("2020-10-27T10:00:00+08:00").toInstant());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(post.execute(other)).kind());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
    }

    @Test
    void creditedHoursFeedE5() {
        String p = projectWithTrainees("T1");
        done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 72), null)))));
        assertEquals(72, w.ports.hours.creditedIn("T1", 2020));
    }

    @Test
    void c1_onlyAccreditedTrainingIsCredited() {
        String p = projectWithTrainees("T1");
        w.ports.institutions.save(new org.teachertraining.core.institution.Institution("HENU", "河南大学",
                java.util.Set.of(CreditCategory.CENTRALIZED), java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2020, 10, 26), "p"));
        var c = completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null)));
        var expired = refused(post.execute(c));
        assertEquals("C1", expired.rule());
        assertEquals(List.of("CENTRALIZED"), expired.details().get("categories"));
        w.ports.institutions.save(new org.teachertraining.core.institution.Institution("HENU", "河南大学",
                java.util.Set.of(CreditCategory.CENTRALIZED), java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2020, 10, 27), "p"));
        done(post.execute(c)); // the last day of the accreditation still counts
        var online = completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, 10), null)));
        assertEquals("C1", refused(post.execute(new Completion("C-2", p, "HENU", online.results(), "henu", online.recordedAt()))).rule());
        assertEquals(1, w.ports.ledger.ofTeacher("T1").size());
    }

    @Test
    void c5_aSecondCompletionIdForACreditedTraineeCreditsNothing() {
        String p = projectWithTrainees("T1");
        done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 60), null)))));
        for (String id : List.of("C-AGAIN-1", "C-AGAIN-2")) {
            var again = new Completion(id, p, "HENU", List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                    Map.of(CreditCategory.CENTRALIZED, 60), null)), "henu", OffsetDateTime.parse("2020-10-28T10:00:00+08:00").toInstant());
            assertEquals(1, done(post.execute(again)).heldByAnother());
        }
        // nor does a later NO_SHOW from another completion add a ban behind the credited hours
        done(post.execute(new Completion("C-NOSHOW", p, "HENU", List.of(new Completion.Result("T1", Completion.Outcome.NO_SHOW, null, null)),
                "henu", OffsetDateTime.parse("2020-10-29T10:00:00+08:00").toInstant())));
        assertEquals(60, w.ports.hours.creditedIn("T1", 2020));
        assertTrue(w.ports.integrity.ofTeacher("T1").isEmpty());
    }

    @Test
    void c4_hoursAreBoundedByTheProjectsPlanPerCategoryAndInAll() {
        String p = projectWithTrainees("T1");
        // 2 + 8 + 5 days in person at 8 hours: 120 centralized; 30 online; practice in months only: bounded by the total, 150
        var over = refused(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 900), null)))));
        assertEquals("C4", over.rule());
        assertEquals(Map.of("teacherId", "T1", "category", "CENTRALIZED", "hours", 900, "bound", 120), over.details());
        assertTrue(over.message().zh().contains("集中培训") && !over.message().zh().contains("CENTRALIZED"), over.message().zh());
        assertEquals("SCHOOL_BASED", refused(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.SCHOOL_BASED, 1), null))))).details().get("category"));
        var total = refused(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 120, CreditCategory.ONLINE, 30, CreditCategory.PRACTICE, 1), null)))));
        assertEquals(Map.of("teacherId", "T1", "category", "TOTAL", "hours", 151, "bound", 150), total.details());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
        // exactly the plan is fine
        done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 120, CreditCategory.ONLINE, 30), null)))));
        assertEquals(150, w.ports.hours.creditedIn("T1", 2020));
    }

    /** Negative hours are refused once, for what they are, not also as a passed trainee without hours. */
    @Test
    void negativeHoursAreRefusedOnceForWhatTheyAre() {
        String p = projectWithTrainees("T1");
        var negative = refused(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, -5), null)))));
        assertEquals(List.of("results[0].hours.CENTRALIZED"), negative.errors().stream().map(e -> e.field()).toList());
        assertEquals("学时不能为负", negative.errors().get(0).message().zh());
        var none = refused(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(), null)))));
        assertEquals("结业合格须给出学时", none.errors().get(0).message().zh());
    }

    @Test
    void c4_aProgramMaySetItsOwnHoursPerDay() {
        var program = done(w.createProgram.execute(World.PROVINCE, new org.teachertraining.core.program.CreateProgram.Command(2020,
                org.teachertraining.core.program.ProgramLevel.PROVINCIAL, "六学时每天", "410000", 6)));
        var project = done(w.createProject.execute(World.PROVINCE, program.id(), w.ruralBackbone("HN2020-06")));
        done(w.allocate.execute(World.PROVINCE, project.id(), "411500", 10));
        w.addTeacher("T6", "411523");
        done(w.enroll.execute(World.XINYANG, project.id(), "T6", null));
        var r = refused(post.execute(completion(project.id(), List.of(new Completion.Result("T6", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 91), null)))));
        assertEquals(90, r.details().get("bound"));   // 15 days × 6
        assertEquals(Refusal.Kind.INVALID, refused(w.createProgram.execute(World.PROVINCE, new org.teachertraining.core.program.CreateProgram.Command(2020,
                org.teachertraining.core.program.ProgramLevel.PROVINCIAL, "x", "410000", 25))).kind());
    }

    @Test
    void c5_passedThenNoShowIsACorrection_hoursReversedBanWrittenCertificateWithdrawn_andBackAgain() {
        String p = projectWithTrainees("T1");
        done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 60), null)))));
        String firstCode = w.ports.results.find(p, "T1").orElseThrow().certificateCode();
        var noShow = new org.teachertraining.core.credit.CorrectResult.Command(Completion.Outcome.NO_SHOW, null, null, "学员未报到，系误登记");
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.correctResult.execute(World.XIN_COUNTY, p, "T1", noShow)).kind());
        assertEquals(Refusal.Kind.INVALID, refused(w.correctResult.execute(World.PROVINCE, p, "T1",
                new org.teachertraining.core.credit.CorrectResult.Command(Completion.Outcome.NO_SHOW, null, null, " "))).kind());
        var corrected = done(w.correctResult.execute(World.PROVINCE, p, "T1", noShow));
        assertEquals(Completion.Outcome.NO_SHOW, corrected.outcome());
        assertEquals(0, w.ports.hours.creditedIn("T1", 2020));
        assertEquals(2, w.ports.ledger.ofTeacher("T1").size());   // append-only: the entry and its reversal
        assertEquals(1, w.ports.integrity.ofTeacher("T1").size());
        assertEquals(java.time.LocalDate.of(2020, 10, 12), w.ports.integrity.ofTeacher("T1").get(0).occurredOn());   // the start date
        assertTrue(w.ports.certificates.find(firstCode).isEmpty());
        // the original completion redelivered changes nothing now
        assertEquals(1, done(post.execute(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 60), null))))).heldByAnother());
        assertEquals(0, w.ports.hours.creditedIn("T1", 2020));
        // and back: the ban goes, the hours and a new certificate come
        done(w.correctResult.execute(World.PROVINCE, p, "T1", new org.teachertraining.core.credit.CorrectResult.Command(
                Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 56), null, "有请假证明，实际参训")));
        assertEquals(56, w.ports.hours.creditedIn("T1", 2020));
        assertTrue(w.ports.integrity.ofTeacher("T1").isEmpty());
        var code = w.ports.results.find(p, "T1").orElseThrow().certificateCode();
        assertEquals(56, w.ports.certificates.find(code).orElseThrow().hours());
        // a correction is bounded by the plan like a completion
        assertEquals("C4", refused(w.correctResult.execute(World.PROVINCE, p, "T1", new org.teachertraining.core.credit.CorrectResult.Command(
                Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 500), null, "x"))).rule());
    }

    @Test
    void aCompletionsRecordsAreReadInTwoCalls_whateverItsSize_andAWithdrawnTraineeHoldsNoSeat() {
        String p = projectWithTrainees("T1", "T2", "T3");
        done(w.withdraw.execute(World.XIN_COUNTY, p, "T3"));
        // every read the check makes, counted on its way to the in-memory store
        var calls = new java.util.ArrayList<String>();
        var store = org.teachertraining.core.credit.CompletionRecords.of(w.ports.projects, w.ports.institutions, w.ports.enrollments, w.ports.teachers);
        var counted = new org.teachertraining.core.credit.CompletionRecords() {
            public Parties parties(String projectId, String institutionId) {
                calls.add("parties");
                return store.parties(projectId, institutionId);
            }
            public Trainees trainees(String projectId, List<String> teacherIds) {
                calls.add("trainees " + teacherIds);
                return store.trainees(projectId, teacherIds);
            }
            public java.util.Optional<String> teacherRegisteredAs(String teacherId) {
                calls.add("registeredAs " + teacherId);
                return store.teacherRegisteredAs(teacherId);
            }
        };
        var check = new org.teachertraining.core.credit.CheckCompletion(counted, w.ports.programs, w.requirements);
        var passed = Map.of(CreditCategory.CENTRALIZED, 40);
        var checked = done(check.checked(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, passed, null),
                new Completion.Result("T2", Completion.Outcome.PASSED, passed, null)))));
        assertEquals(List.of("T1", "T2"), List.copyOf(checked.seats().keySet()));
        assertEquals(List.of("T1", "T2"), List.copyOf(checked.teachers().keySet()), "the teachers read with their seats, for their compliance");
        assertEquals(List.of("parties", "trainees [T1, T2]"), calls);
        calls.clear();
        var refusal = refused(check.seats(completion(p, List.of(new Completion.Result("T1", Completion.Outcome.PASSED, passed, null),
                new Completion.Result("T3", Completion.Outcome.PASSED, passed, null)))));
        assertEquals("C4", refusal.rule());
        assertEquals("T3", refusal.details().get("teacherId"));
        assertEquals(List.of("parties", "trainees [T1, T3]", "registeredAs T3"), calls, "the case guard read for the refusal only");
        // a trainee named in another case: refused, naming the ID the teacher holds
        calls.clear();
        var otherCase = refused(check.seats(completion(p, List.of(new Completion.Result("t1", Completion.Outcome.PASSED, passed, null)))));
        assertEquals("C4", otherCase.rule());
        assertTrue(otherCase.message().zh().endsWith("：t1；已登记的教师编号是 T1（编号区分大小写）"), otherCase.message().zh());
        // a completion for a project that does not exist is refused after the first read
        calls.clear();
        assertEquals(org.teachertraining.core.common.Refusal.Kind.NOT_FOUND, refused(check.seats(completion("NOPE", List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, passed, null))))).kind());
        assertEquals(List.of("parties"), calls);
        // nor is anything read for an institution ID that could not be a key (a message put on the queue by hand)
        calls.clear();
        var odd = new Completion("C-2020-2", p, "not an id!".repeat(300), List.of(new Completion.Result("T1", Completion.Outcome.PASSED, passed, null)),
                "henu-admin", OffsetDateTime.parse("2020-10-27T10:00:00+08:00").toInstant());
        var invalid = refused(check.seats(odd));
        assertEquals(org.teachertraining.core.common.Refusal.Kind.INVALID, invalid.kind());
        assertEquals("institutionId", invalid.errors().get(0).field());
        assertEquals(List.of(), calls);
    }
}
