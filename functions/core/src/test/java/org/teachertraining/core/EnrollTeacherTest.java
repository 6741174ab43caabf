package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.SelectionRecords;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.integrity.Recourse;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.Eligibility;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.TeacherRole;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.teachertraining.core.enrollment.Waitlist;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class EnrollTeacherTest {
    final World w = new World();

    @Test
    void anEligibleTeacherTakesASeatOfHerCountysPool() {
        var p = w.projectWithCountySeats(2);
        w.addTeacher("T1", "411523");
        var enrolled = done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertTrue(enrolled.created());
        assertEquals(EnrollmentStatus.SELECTED, enrolled.enrollment().status());
        assertEquals("411523", enrolled.enrollment().quotaJurisdiction());
        assertEquals(1, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    @Test
    void e1_theSeatAfterTheLastIsRefused() {
        var p = w.projectWithCountySeats(1);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));
        assertEquals("E1", r.rule());
        assertEquals(Refusal.Kind.CONFLICT, r.kind());
        assertEquals("名额已满：新县的名额已用完", r.message().zh(), "the unit named as a clerk knows it");
    }

    @Test
    void e1_aCountyWithoutItsOwnAllocationDrawsOnItsCitysPool_andACityWithoutSeatsIsRefused() {
        var p = w.projectWithCountySeats(1);
        w.addTeacher("T1", "411522");
        assertEquals("411500", done(w.enroll.execute(World.XINYANG, p.id(), "T1", null)).enrollment().quotaJurisdiction());
        done(w.saveTeacher.execute(World.ZHENGZHOU, w.teacher("T9", "410102")));
        var r = refused(w.enroll.execute(World.ZHENGZHOU, p.id(), "T9", null));
        assertEquals("E1", r.rule());
    }

    @Test
    void e2_selectionClosesAtTheCutoffInChinaStandardTime() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        w.clock.set(OffsetDateTime.parse("2020-09-25T23:59:58+08:00"));
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        w.clock.set(OffsetDateTime.parse("2020-09-25T23:59:59+08:00"));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));
        assertEquals("E2", r.rule());
        assertEquals("2020-09-25T23:59:59+08:00", r.details().get("selectionCutoff"));
        assertEquals("遴选已截止（截止时间 2020-09-25 23:59，北京时间）", r.message().zh());   // as people read it, not an ISO instant
        assertEquals("Selection closed at 2020-09-25 23:59 (Beijing time)", r.message().en());
    }

    @Test
    void e3_namesTheFailedCriterion() {
        var p = w.projectWithCountySeats(5);
        var urban = new SaveTeacher.Command("T1", "李娜", "411523", null, Stage.PRIMARY, List.of("数学"), TeacherRole.TEACHER,
                SchoolLocation.URBAN, LocalDate.of(2010, 9, 1), null);
        done(w.saveTeacher.execute(World.XIN_COUNTY, urban));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals("E3", r.rule());
        assertEquals(Refusal.Kind.UNPROCESSABLE, r.kind());
        assertEquals("schoolLocation", r.details().get("criterion"));
        // the criterion's values are named, never given by their codes, in either language
        assertEquals("学校所在地不符：项目面向乡村、乡镇，该教师学校在城区", r.message().zh());
        assertEquals("School location: the project is for Rural, Town; the teacher's school is Urban", r.message().en());
    }

    @Test
    void e3_fiveYearsOfTeachingAreCountedToTheDay() {
        var p = w.projectWithCountySeats(5);
        // the clock stands on 2020-09-01: since 2015-09-01 is five whole years, since 2015-09-02 is not
        done(w.saveTeacher.execute(World.XIN_COUNTY, new SaveTeacher.Command("T5", "张伟", "411523", null, Stage.JUNIOR, List.of(),
                TeacherRole.TEACHER, SchoolLocation.TOWN, LocalDate.of(2015, 9, 1), null)));
        done(w.saveTeacher.execute(World.XIN_COUNTY, new SaveTeacher.Command("T4", "张强", "411523", null, Stage.JUNIOR, List.of(),
                TeacherRole.TEACHER, SchoolLocation.TOWN, LocalDate.of(2015, 9, 2), null)));
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T5", null));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T4", null));
        assertEquals("minTeachingYears", r.details().get("criterion"));
    }

    /** English on request counts in the singular for one: "1 seat", not "1 seats". */
    @Test
    void e1_theSeatsLeftAreCountedInEnglishAsOneSeatOrMany() {
        var p = w.projectWithCountySeats(98);   // 信阳市 holds 100: 2 left
        assertTrue(refused(w.allocate.execute(World.XINYANG, p.id(), "411522", 3)).message().en().contains("has only 2 seats left"));
        done(w.allocate.execute(World.XINYANG, p.id(), "411522", 1));
        var one = refused(w.allocate.execute(World.XINYANG, p.id(), "411524", 2)).message();
        assertTrue(one.en().contains("has only 1 seat left"), one.en());
        assertFalse(one.zh().contains("seat"), one.zh());
    }

    @Test
    void e3_rolesStagesSubjectsAndBackboneLevels() {
        var command = w.ruralBackbone("HN2020-05");
        var strict = new World().ruralBackbone("x");
        var eligibility = new Eligibility(Set.of(Stage.PRIMARY, Stage.JUNIOR), Set.of("道德与法治"), Set.of(TeacherRole.MORAL_EDUCATION_TEACHER),
                null, null, Set.of(org.teachertraining.core.teacher.BackboneLevel.PROVINCIAL), null, null);
        var p = w.project(ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(command.code(), command.name(),
                command.category(), eligibility, strict.phases(), 40, 50, "HENU", World.CUTOFF, command.startDate(), command.endDate(), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523"); // a primary 语文 TEACHER, county backbone
        assertEquals("subjects", refused(w.enroll.execute(World.XINYANG, p.id(), "T1", null)).details().get("criterion"));
        done(w.saveTeacher.execute(World.XINYANG, new SaveTeacher.Command("T2", "赵敏", "411523", null, Stage.SENIOR, List.of("道德与法治"),
                TeacherRole.MORAL_EDUCATION_TEACHER, SchoolLocation.RURAL, LocalDate.of(2000, 9, 1), null)));
        assertEquals("stage", refused(w.enroll.execute(World.XINYANG, p.id(), "T2", null)).details().get("criterion"));
        done(w.saveTeacher.execute(World.XINYANG, new SaveTeacher.Command("T3", "赵敏", "411523", null, Stage.JUNIOR, List.of("道德与法治"),
                TeacherRole.HEAD_TEACHER, SchoolLocation.RURAL, LocalDate.of(2000, 9, 1), null)));
        assertEquals("role", refused(w.enroll.execute(World.XINYANG, p.id(), "T3", null)).details().get("criterion"));
        done(w.saveTeacher.execute(World.XINYANG, new SaveTeacher.Command("T4", "赵敏", "411523", null, Stage.JUNIOR, List.of("道德与法治"),
                TeacherRole.MORAL_EDUCATION_TEACHER, SchoolLocation.RURAL, LocalDate.of(2000, 9, 1), null)));
        assertEquals("backboneLevel", refused(w.enroll.execute(World.XINYANG, p.id(), "T4", null)).details().get("criterion"));
    }

    /** A subject pasted with spaces around it into a project is the subject its teachers teach (theirs are stored stripped). */
    @Test
    void e3_aProjectsSubjectIsReadWithoutTheSpacesAroundIt() {
        var command = w.ruralBackbone("HN2020-06");
        var p = w.project(ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(command.code(), command.name(),
                command.category(), new Eligibility(null, Set.of(" 语文\u3000"), null, null, null, null, null, null), command.phases(), 150, 50, "HENU",
                World.CUTOFF, command.startDate(), command.endDate(), null, null));
        assertEquals(Set.of("语文"), p.eligibility().subjects());
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523"); // a primary 语文 teacher
        done(w.enroll.execute(World.XINYANG, p.id(), "T1", null));
    }

    @Test
    void e4_aNoShowBansFromProvincialProjectsForThreeYears_butNotFromCountyProjects() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        w.ports.integrity.add(IntegrityRecord.of("T1", IntegrityRecord.Kind.NO_SHOW, "HN2019-01", LocalDate.of(2019, 10, 20)));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals("E4", r.rule());
        assertEquals("2022-10-20", r.details().get("bannedUntil"));
        assertTrue(r.message().zh().contains("无故未参训") && !r.message().zh().contains("NO_SHOW"), r.message().zh());
        assertTrue(r.message().en().endsWith("(no-show on 2019-10-20)"), r.message().en());

        var countyProgram = done(w.createProgram.execute(World.XIN_COUNTY,
                new org.teachertraining.core.program.CreateProgram.Command(2020, ProgramLevel.COUNTY, "新县县培", "411523", null)));
        var countyProject = done(w.createProject.execute(World.XIN_COUNTY, countyProgram.id(), w.ruralBackbone("XX2020-01")));
        assertTrue(countyProject.seats() == null);
        // a county's own project: the county enrolls from its own (uncapped) pool
        done(w.enroll.execute(World.XIN_COUNTY, countyProject.id(), "T1", null));
    }

    @Test
    void e4_theBanEndsAfterThreeYears() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        w.ports.integrity.add(IntegrityRecord.of("T1", IntegrityRecord.Kind.DISMISSED, "HN2017-01", LocalDate.of(2017, 9, 1)));
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
    }

    @Test
    void e5_teachersWhoMetTheYearsHoursAreNotSelectedAgain() {
        var base = w.ruralBackbone("HN2020-09");
        var e = new Eligibility(null, null, null, null, null, null, 72, null);
        var p = w.project(ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(base.code(), base.name(),
                base.category(), e, base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        w.ports.hoursByTeacherAndYear.put("T1/2020", 72);
        w.ports.hoursByTeacherAndYear.put("T2/2020", 71);
        assertEquals("E5", refused(w.enroll.execute(World.XINYANG, p.id(), "T1", null)).rule());
        done(w.enroll.execute(World.XINYANG, p.id(), "T2", null));
    }

    @Test
    void e5_fromTheTeachersOwnRequirement_theYearsShareOrTheWholeCycleMetIsRefused_withTheFigures() {
        var base = w.ruralBackbone("HN2020-10");
        var e = new Eligibility(null, null, null, null, null, null, null, null, true, null);
        var p = w.project(ProgramLevel.PROVINCIAL, new org.teachertraining.core.project.CreateProject.Command(base.code(), base.name(),
                base.category(), e, base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        for (String id : List.of("T1", "T2", "T3")) w.addTeacher(id, "411523");
        // HN-CYCLE: 360 hours in 5 years (2016-2020 holds 2020): the year's share is 72
        w.ports.hoursByTeacherAndYear.put("T1/2020", 72);
        w.ports.hoursByTeacherAndYear.put("T2/2020", 71);
        for (int y = 2016; y <= 2019; y++) w.ports.hoursByTeacherAndYear.put("T3/" + y, 90);
        var year = refused(w.enroll.execute(World.XINYANG, p.id(), "T1", null));
        assertEquals("E5", year.rule());
        assertEquals("yearRequirementMet", year.details().get("criterion"));
        assertEquals(72, year.details().get("required"));
        assertEquals(72, year.details().get("hours"));
        assertTrue(year.message().zh().contains("HN") || year.message().zh().contains("360"), year.message().zh());
        var cycle = refused(w.enroll.execute(World.XINYANG, p.id(), "T3", null));
        assertEquals("cycleRequirementMet", cycle.details().get("criterion"));
        assertEquals(360, cycle.details().get("hours"));
        done(w.enroll.execute(World.XINYANG, p.id(), "T2", null));
    }

    @Test
    void e5_nationalProjectsWithinTheTeachersCycleCanBeCapped() {
        var base = w.ruralBackbone("GP2020-11");
        var e = new Eligibility(null, null, null, null, null, null, null, null, null, 1);
        var first = w.project(ProgramLevel.NATIONAL, base);
        var second = w.project(ProgramLevel.NATIONAL, new org.teachertraining.core.project.CreateProject.Command("GP2020-12", base.name(),
                base.category(), e, base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        for (var p : List.of(first, second)) done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XINYANG, first.id(), "T1", null));
        var r = refused(w.enroll.execute(World.XINYANG, second.id(), "T1", null));
        assertEquals("nationalCapPerCycle", r.details().get("criterion"));
        assertEquals(2016, r.details().get("cycleFrom"));
        assertEquals(2020, r.details().get("cycleTo"));
        assertEquals(1L, r.details().get("participations"));
    }

    @Test
    void e5_nationalParticipationsPerCycleCanBeCapped() {
        var projects = twoNationalProjectsTheSecondCapped("GP2020-01");
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XINYANG, projects.get(0).id(), "T1", null));
        var r = refused(w.enroll.execute(World.XINYANG, projects.get(1).id(), "T1", null));
        assertEquals("E5", r.rule());
        assertEquals("nationalParticipationCap", r.details().get("criterion"));
    }

    /** Two national projects, the second capped at one national project a teacher since 2019, 10 seats each for 信阳. */
    List<org.teachertraining.core.project.Project> twoNationalProjectsTheSecondCapped(String code) {
        var base = w.ruralBackbone(code + "-1");
        var e = new Eligibility(null, null, null, null, null, null, null, new Eligibility.NationalParticipationCap(1, 2019));
        var first = w.project(ProgramLevel.NATIONAL, base);
        var second = w.project(ProgramLevel.NATIONAL, new org.teachertraining.core.project.CreateProject.Command(code + "-2", base.name(),
                base.category(), e, base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        for (var p : List.of(first, second)) done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        return List.of(first, second);
    }

    /**
     * The enrollments, but the first read of {@code teacherId}'s national seats is followed at once by {@code meanwhile}
     * (another request's booking, landing after the read) and then answered as it was read.
     */
    Enrollments bookedJustAfterTheNationalRead(String teacherId, Runnable meanwhile) {
        return bookedJustAfterTheNationalReads(teacherId, 1, meanwhile);
    }

    /** {@link #bookedJustAfterTheNationalRead}, for each of the first {@code reads} reads. */
    Enrollments bookedJustAfterTheNationalReads(String teacherId, int reads, Runnable meanwhile) {
        var real = w.ports.enrollments;
        return new Enrollments() {
            int left = reads;
            public java.util.Optional<org.teachertraining.core.enrollment.Enrollment> find(String projectId, String id) { return real.find(projectId, id); }
            public java.util.Optional<org.teachertraining.core.enrollment.IdempotencyRecord> findKey(String projectId, String userId, String key) { return real.findKey(projectId, userId, key); }
            public Booking book(org.teachertraining.core.enrollment.Enrollment e, org.teachertraining.core.enrollment.IdempotencyRecord key, Notification notice,
                                org.teachertraining.core.enrollment.WaitlistEntry leaving, org.teachertraining.core.enrollment.NationalSeats national) {
                return real.book(e, key, notice, leaving, national);
            }
            public java.util.Optional<org.teachertraining.core.enrollment.Enrollment> move(org.teachertraining.core.enrollment.Enrollment e, EnrollmentStatus from,
                                                                                          EnrollmentStatus to, String by, java.time.Instant at) { return real.move(e, from, to, by, at); }
            public java.util.Optional<org.teachertraining.core.enrollment.Enrollment> withdraw(org.teachertraining.core.enrollment.Enrollment e, java.time.Instant at,
                                                                                              List<Notification> notices) { return real.withdraw(e, at, notices); }
            public org.teachertraining.core.common.Page<org.teachertraining.core.enrollment.Enrollment> ofProject(String projectId, String prefix, EnrollmentStatus status,
                                                                                                                String cursor, int limit) { return real.ofProject(projectId, prefix, status, cursor, limit); }
            public List<org.teachertraining.core.enrollment.Enrollment> ofTeacher(String id) { return real.ofTeacher(id); }
            public org.teachertraining.core.enrollment.NationalSeats nationalSeats(String id) {
                var read = real.nationalSeats(id);
                if (left > 0 && id.equals(teacherId)) {
                    left--;
                    meanwhile.run();
                }
                return read;
            }
        };
    }

    EnrollTeacher enrollReading(Enrollments enrollments) {
        return new EnrollTeacher(SelectionRecords.of(w.ports.projects, w.ports.teachers, enrollments, w.ports.waitlists),
                w.ports.quotas, enrollments, w.ports.integrity, w.ports.hours, new org.teachertraining.core.credit.RequirementCycles(w.requirements), w.access, w.clock);
    }

    @Test
    void e5_aNationalSeatBookedBetweenTheCapsReadAndTheBookingCountsAgainstTheCap() {
        var projects = twoNationalProjectsTheSecondCapped("GP2020-31");
        w.addTeacher("T1", "411523");
        var enroll = enrollReading(bookedJustAfterTheNationalRead("T1", () -> done(w.enroll.execute(World.XINYANG, projects.get(0).id(), "T1", null))));
        var r = refused(enroll.execute(World.XINYANG, projects.get(1).id(), "T1", null));
        assertEquals("E5", r.rule(), r.message().zh());
        assertEquals("nationalParticipationCap", r.details().get("criterion"));
        assertEquals(1, r.details().get("participations"));
        assertTrue(w.ports.enrollments.find(projects.get(1).id(), "T1").isEmpty(), "no second national seat");
        assertTrue(w.ports.enrollments.find(projects.get(0).id(), "T1").isPresent());
    }

    @Test
    void e5_aTeacherWhoseNationalSeatsKeepChangingIsToldToEnrollAgain_notAnError() {
        var base = w.ruralBackbone("GP2020-51");
        var capped = w.project(ProgramLevel.NATIONAL, new org.teachertraining.core.project.CreateProject.Command("GP2020-51", base.name(),
                base.category(), new Eligibility(null, null, null, null, null, null, null, new Eligibility.NationalParticipationCap(10, 2019)),
                base.phases(), 150, 50, "HENU", World.CUTOFF, base.startDate(), base.endDate(), null, null));
        var others = new java.util.ArrayDeque<org.teachertraining.core.project.Project>();
        for (int i = 1; i <= EnrollTeacher.NATIONAL_ATTEMPTS; i++) others.add(w.project(ProgramLevel.NATIONAL, w.ruralBackbone("GP2020-5" + (1 + i))));
        for (var p : others) done(w.allocate.execute(World.PROVINCE, p.id(), "411500", 10));
        done(w.allocate.execute(World.PROVINCE, capped.id(), "411500", 10));
        w.addTeacher("T1", "411523");
        // after each read of T1's national seats, another clerk's selection of T1 into another national project lands
        var enroll = enrollReading(bookedJustAfterTheNationalReads("T1", EnrollTeacher.NATIONAL_ATTEMPTS,
                () -> done(w.enroll.execute(World.XINYANG, others.pop().id(), "T1", null))));
        var r = refused(enroll.execute(World.XINYANG, capped.id(), "T1", null));
        assertEquals(Refusal.Kind.CONFLICT, r.kind());
        assertNull(r.rule());
        assertEquals("该教师的国培项目报名刚有变动，请重新遴选", r.message().zh());
        assertTrue(w.ports.enrollments.find(capped.id(), "T1").isEmpty());
        // sent again, with the selections over: the cap (10) is not reached, and T1 is selected
        done(enrollReading(w.ports.enrollments).execute(World.XINYANG, capped.id(), "T1", null));
    }

    @Test
    void e5_aWaitlistedTeacherBookedIntoAnotherNationalProjectAsTheSeatIsFreedIsNotPromoted() {
        var projects = twoNationalProjectsTheSecondCapped("GP2020-41");
        var capped = projects.get(1);
        for (String id : List.of("T1", "W1")) w.addTeacher(id, "411523");
        done(w.allocate.execute(World.XINYANG, capped.id(), "411523", 1));
        done(w.enroll.execute(World.XIN_COUNTY, capped.id(), "T1", null));
        done(w.waitlist.add(World.XIN_COUNTY, capped.id(), "W1"));
        var rules = enrollReading(bookedJustAfterTheNationalRead("W1", () -> done(w.enroll.execute(World.XINYANG, projects.get(0).id(), "W1", null))));
        var withdraw = new WithdrawEnrollment(w.ports.projects, w.ports.enrollments, w.ports.teachers, w.ports.waitlists, rules, w.access, w.clock);
        var withdrawal = done(withdraw.execute(World.XIN_COUNTY, capped.id(), "T1"));
        assertNull(withdrawal.promoted(), "W1 took a national seat as this one was freed");
        assertTrue(w.ports.enrollments.find(capped.id(), "W1").isEmpty());
        assertEquals(0, w.ports.quotas.find(capped.id(), "411523").orElseThrow().used(), "the seat back in its pool");
    }

    @Test
    void e6_repeatingTheRequestIsIdempotent_aDifferentKeyIsRefused() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        var first = done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", "k1"));
        var again = done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", "k1"));
        assertFalse(again.created());
        assertEquals(first.enrollment().id(), again.enrollment().id());
        var noKey = done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals(first.enrollment().id(), noKey.enrollment().id());
        assertEquals("E6", refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", "k2")).rule());
        assertEquals(1, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    @Test
    void theSameKeyForAnotherTeacherIsRefused() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", "k1"));
        var r = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", "k1"));
        assertEquals(Refusal.Kind.UNPROCESSABLE, r.kind());
    }

    /** Whether a teacher holds a seat, or a place on a waitlist, is said only to who may act on the teacher: others get 403 either way. */
    @Test
    void e7_aSeatOrAPlaceThatIsNotThereIsNoAnswerForAnOutsider() {
        var p = w.projectWithCountySeats(1);
        w.addTeacher("T1", "411523");
        assertEquals(Refusal.Kind.NOT_FOUND, refused(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T1")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.withdraw.execute(World.GUANGSHAN, p.id(), "T1")).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(w.waitlist.remove(World.XIN_COUNTY, p.id(), "T1")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.waitlist.remove(World.GUANGSHAN, p.id(), "T1")).kind());
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.withdraw.execute(World.GUANGSHAN, p.id(), "T1")).kind(), "as when it is there");
    }

    @Test
    void e7_withdrawalBeforeTheStartFreesTheSeat_afterTheStartItIsRefused() {
        var p = w.projectWithCountySeats(1);
        w.addTeacher("T1", "411523");
        w.addTeacher("T2", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals(EnrollmentStatus.WITHDRAWN, done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T1")).enrollment().status());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
        // told, as the selection was: the notice of where to report no longer holds
        var told = w.ports.notices.stream().filter(n -> n.kind().equals("WITHDRAWN")).toList();
        assertEquals(1, told.size(), w.ports.notices.toString());
        assertEquals("TEACHER#T1", told.getFirst().recipient());
        assertEquals("您在「乡村骨干教师素质提升培训项目」（HN2020-04）的入选已由教育行政部门办理退出，名额已释放，无需于 2020-10-12 报到。",
                told.getFirst().body().zh());
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));
        w.clock.set(OffsetDateTime.parse("2020-10-12T00:00:00+08:00"));
        var r = refused(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T2"));
        assertEquals("E7", r.rule());
    }

    @Test
    void e7_aWithdrawalPromotesTheFirstStillEligibleWaitlistedTeacher_evenAfterTheCutoff() {
        var p = w.projectWithCountySeats(1);
        for (String id : List.of("T1", "W1", "W2", "W3")) w.addTeacher(id, "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals(1, done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W1")).place().position());
        assertEquals(2, done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W2")).place().position());
        assertEquals(3, done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W3")).place().position());
        assertFalse(done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W2")).created(), "listed once");
        assertEquals("E6", refused(w.waitlist.add(World.XIN_COUNTY, p.id(), "T1")).rule());
        var anotherCounty = refused(w.waitlist.add(World.GUANGSHAN, p.id(), "W3"));
        assertEquals(Refusal.Kind.FORBIDDEN, anotherCounty.kind());
        assertEquals("新县不在您的管辖范围（光山县）内", anotherCounty.message().zh());
        // W1 was banned since being listed: passed over; W2 is promoted, after the cutoff, into T1's seat
        w.ports.integrity.add(IntegrityRecord.of("W1", IntegrityRecord.Kind.NO_SHOW, "HN2019-01", LocalDate.of(2020, 9, 2)));
        w.clock.set(OffsetDateTime.parse("2020-09-30T09:00:00+08:00"));
        w.addTeacher("W4", "411523");
        assertEquals("E2", refused(w.waitlist.add(World.XIN_COUNTY, p.id(), "W4")).rule());
        var withdrawal = done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T1"));
        assertEquals("W2", withdrawal.promoted().teacherId());
        assertEquals(EnrollmentStatus.SELECTED, w.ports.enrollments.find(p.id(), "W2").orElseThrow().status());
        assertEquals(1, w.ports.quotas.find(p.id(), "411523").orElseThrow().used(), "the seat changed hands, the count did not");
        var notice = w.ports.notices.stream().filter(n -> n.kind().equals("WAITLIST_PROMOTED")).findFirst().orElseThrow();
        assertEquals("TEACHER#W2", notice.recipient());
        assertEquals(List.of("TEACHER#T1"), w.ports.notices.stream().filter(n -> n.kind().equals("WITHDRAWN")).map(n -> n.recipient()).toList(),
                "the one whose seat it was is told too");
        assertTrue(notice.body().zh().contains(p.startDate().toString()) && notice.body().zh().contains("报到"), notice.body().zh());
        var left = done(w.waitlist.list(World.XIN_COUNTY, p.id(), null));
        assertEquals(List.of("W1", "W3"), left.stream().map(x -> x.entry().teacherId()).toList());
        assertEquals(List.of(1, 2), left.stream().map(Waitlist.Place::position).toList());
        // with no one eligible left but the banned W1... W3 next; then the seat goes back to the pool
        assertEquals("W3", done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "W2")).promoted().teacherId());
        assertNull(done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "W3")).promoted());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    /** A project of one seat, T1 holding it and W1 waiting for it. */
    org.teachertraining.core.project.Project oneSeatTakenAndOneWaiting() {
        var p = w.projectWithCountySeats(1);
        for (String id : List.of("T1", "W1")) w.addTeacher(id, "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W1"));
        return p;
    }

    @Test
    void e7_aWithdrawalFromACancelledProjectPromotesNobody() {
        var p = oneSeatTakenAndOneWaiting();
        // cancelled, its trainees not released yet: the cancellation marks the project first, then releases them
        w.ports.projects.markCancelled(p.id(), w.clock.instant());
        w.ports.notices.clear();
        var withdrawal = done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T1"));
        assertEquals(EnrollmentStatus.WITHDRAWN, withdrawal.enrollment().status());
        assertNull(withdrawal.promoted(), "nobody is selected into a cancelled project");
        assertTrue(w.ports.enrollments.find(p.id(), "W1").isEmpty());
        assertEquals(List.of("WITHDRAWN"), w.ports.notices.stream().map(n -> n.kind()).toList(), "nobody is told they were selected; T1 is told of the withdrawal");
    }

    @Test
    void e2_anEnrollmentUnderWayAsItsProjectIsCancelledTakesNoSeat() {
        var p = w.projectWithCountySeats(2);
        w.addTeacher("T1", "411523");
        var stores = org.teachertraining.core.enrollment.SelectionRecords.of(w.ports.projects, w.ports.teachers, w.ports.enrollments, w.ports.waitlists);
        // the records read before the cancellation, the seat booked after it closed the pools (Quotas#close)
        org.teachertraining.core.enrollment.SelectionRecords readJustBefore = new org.teachertraining.core.enrollment.SelectionRecords() {
            boolean first = true;
            public Found find(String projectId, String teacherId) {
                var found = stores.find(projectId, teacherId);
                if (first) {
                    first = false;
                    w.ports.projects.markCancelled(p.id(), w.clock.instant());
                    w.ports.quotas.close(p.id(), w.clock.instant());
                }
                return found;
            }
            public java.util.Optional<String> teacherRegisteredAs(String teacherId) { return stores.teacherRegisteredAs(teacherId); }
        };
        var enroll = new org.teachertraining.core.enrollment.EnrollTeacher(readJustBefore, w.ports.quotas, w.ports.enrollments, w.ports.integrity,
                w.ports.hours, new org.teachertraining.core.credit.RequirementCycles(w.requirements), w.access, w.clock);
        var refusal = refused(enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals("E2", refusal.rule(), "cancelled meanwhile, not a full quota: " + refusal.message().zh());
        assertTrue(refusal.message().zh().contains("取消"), refusal.message().zh());
        assertTrue(w.ports.enrollments.find(p.id(), "T1").isEmpty());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    @Test
    void e7_aWithdrawalUnderWayAsItsProjectIsCancelledPromotesNobody() {
        var p = oneSeatTakenAndOneWaiting();
        var asRead = w.ports.projects.find(p.id()).orElseThrow();
        var t1 = w.ports.enrollments.find(p.id(), "T1").orElseThrow();
        // the withdrawal read the project before the cancellation closed its pools
        w.ports.projects.markCancelled(p.id(), w.clock.instant());
        w.ports.quotas.close(p.id(), w.clock.instant());
        var withdrawal = w.withdraw.release(asRead, t1, "county", List.of(), w.clock.instant());
        assertEquals(EnrollmentStatus.WITHDRAWN, withdrawal.enrollment().status());
        assertNull(withdrawal.promoted(), "nobody is selected into a cancelled project");
        assertTrue(w.ports.enrollments.find(p.id(), "W1").isEmpty());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    /**
     * The world's integrity files, where a no-show of {@code teacherId} is written just after their file is first read:
     * a ban written while a selection that read no ban is under way.
     */
    IntegrityRecords bannedJustAfterTheRead(String teacherId) {
        var files = w.ports.integrity;
        return new IntegrityRecords() {
            boolean first = true;
            public List<IntegrityRecord> ofTeacher(String id) {
                var read = files.ofTeacher(id);
                if (first && id.equals(teacherId)) {
                    first = false;
                    files.add(IntegrityRecord.of(teacherId, IntegrityRecord.Kind.NO_SHOW,
                            "an-earlier-project", LocalDate.of(2020, 8, 31)));
                }
                return read;
            }
            public void add(IntegrityRecord r) { files.add(r); }
            public void add(IntegrityRecord r, List<Notification> n) { files.add(r, n); }
            public java.util.Map<String, Recourse> recourseOf(String id) { return files.recourseOf(id); }
            public boolean saveRecourse(Recourse r, IntegrityRecord record, String unit,
                                        List<Notification> n) { return files.saveRecourse(r, record, unit, n); }
            public org.teachertraining.core.common.Page<Awaiting> awaitingDecision(String prefix, Recourse.Status status, String cursor, int limit) {
                return files.awaitingDecision(prefix, status, cursor, limit);
            }
        };
    }

    EnrollTeacher enrollReading(IntegrityRecords integrity) {
        return new EnrollTeacher(
                SelectionRecords.of(w.ports.projects, w.ports.teachers, w.ports.enrollments, w.ports.waitlists),
                w.ports.quotas, w.ports.enrollments, integrity, w.ports.hours, new org.teachertraining.core.credit.RequirementCycles(w.requirements), w.access, w.clock);
    }

    @Test
    void e4_aTeacherBannedWhileTheirSelectionIsUnderWayTakesNoSeat() {
        var p = w.projectWithCountySeats(2);
        w.addTeacher("T1", "411523");
        // the booking checks the ban itself (Enrollments#book): the rules read no ban, the booking meets it
        var refusal = refused(enrollReading(bannedJustAfterTheRead("T1")).execute(World.XIN_COUNTY, p.id(), "T1", null));
        assertEquals("E4", refusal.rule(), refusal.message().zh());
        assertEquals("2023-08-31", refusal.details().get("bannedUntil"));
        assertTrue(w.ports.enrollments.find(p.id(), "T1").isEmpty());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used());
    }

    @Test
    void e4_aTeacherBannedWhileTheirListingIsUnderWayIsNotListed() {
        var p = w.projectWithCountySeats(1);
        w.addTeacher("W1", "411523");
        var waitlist = new Waitlist(w.ports.projects, w.ports.teachers, w.ports.enrollments, w.ports.waitlists,
                enrollReading(bannedJustAfterTheRead("W1")), w.access, w.clock);
        var refusal = refused(waitlist.add(World.XIN_COUNTY, p.id(), "W1"));
        assertEquals("E4", refusal.rule(), refusal.message().zh());
        assertTrue(w.ports.waitlists.find(p.id(), "W1").isEmpty());
    }

    @Test
    void e4_aWaitlistedTeacherBannedWhileTheSeatIsFreedIsNotPromoted() {
        var p = oneSeatTakenAndOneWaiting();
        var withdraw = new WithdrawEnrollment(w.ports.projects, w.ports.enrollments, w.ports.teachers, w.ports.waitlists,
                enrollReading(bannedJustAfterTheRead("W1")), w.access, w.clock);
        var withdrawal = done(withdraw.execute(World.XIN_COUNTY, p.id(), "T1"));
        assertNull(withdrawal.promoted(), "W1 was banned as the seat was freed");
        assertTrue(w.ports.enrollments.find(p.id(), "W1").isEmpty());
        assertEquals(0, w.ports.quotas.find(p.id(), "411523").orElseThrow().used(), "the seat back in its pool");
    }

    @Test
    void theSelectedTeacherIsToldTheProjectItsDatesAndTheRegisteredInstitutionByName() {
        w.accreditHenu();
        var p = w.projectWithCountySeats(2);
        assertEquals("河南大学", p.institutionName());
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        var notice = w.ports.notices.stream().filter(n -> n.recipient().equals("TEACHER#T1")).findFirst().orElseThrow();
        assertEquals("SELECTED", notice.kind());
        assertEquals("入选：乡村骨干教师素质提升培训项目", notice.title().zh());
        assertEquals("您已入选「乡村骨干教师素质提升培训项目」（HN2020-04），培训时间 2020-10-12 至 2020-10-26，"
                + "请于 2020-10-12 到承训机构「河南大学」报到。", notice.body().zh());
        assertEquals("You were selected for 乡村骨干教师素质提升培训项目 (HN2020-04), 2020-10-12 to 2020-10-26; "
                + "report to the training institution, 河南大学, on 2020-10-12.", notice.body().en());
    }

    /**
     * A teacher the city moves to another county leaves the old county's waitlist. Before, the place stayed: promotion
     * passed over it, the old county still listed a teacher no longer its own, and the new county could neither see nor
     * remove it, while listing the teacher answered "listed" with the old county's place.
     */
    @Test
    void e7_aTeacherMovedToAnotherCountyLeavesTheOldWaitlist_andTheNewCountyListsThemForItsOwnSeats() {
        var p = w.projectWithCountySeats(1);
        done(w.allocate.execute(World.XINYANG, p.id(), "411522", 1));
        for (String id : List.of("W1", "W2", "W3")) w.addTeacher(id, "411523");
        for (String id : List.of("W1", "W2", "W3")) done(w.waitlist.add(World.XIN_COUNTY, p.id(), id));

        w.addTeacher("W1", "411522");   // the city moves W1 to 光山县
        assertEquals(List.of("W2", "W3"), done(w.waitlist.list(World.XIN_COUNTY, p.id(), null)).stream().map(x -> x.entry().teacherId()).toList());
        var listed = done(w.waitlist.add(World.GUANGSHAN, p.id(), "W1"));
        assertTrue(listed.created());
        assertEquals(List.of("411522", 1), List.of(listed.place().entry().quotaJurisdiction(), listed.place().position()));

        // a place listed before such moves were followed (the teacher saved around the hook): listing the teacher anew replaces it
        var w3 = w.ports.teachers.find("W3").orElseThrow();
        w.ports.teachers.save(new org.teachertraining.core.teacher.Teacher(w3.id(), w3.name(), "411522", null, w3.stage(), w3.subjects(), w3.role(),
                w3.schoolLocation(), w3.teachingSince(), w3.backboneLevel()));
        var relisted = done(w.waitlist.add(World.GUANGSHAN, p.id(), "W3"));
        assertEquals(List.of(true, "411522", 2), List.of(relisted.created(), relisted.place().entry().quotaJurisdiction(), relisted.place().position()));
        assertEquals(List.of("W2"), done(w.waitlist.list(World.XIN_COUNTY, p.id(), null)).stream().map(x -> x.entry().teacherId()).toList());

        // a move within the pool keeps the place: W2 to another school of 新县, whose seats are the county's
        w.addTeacherAt("W2", "4115230002");
        assertEquals(List.of("W2"), done(w.waitlist.list(World.XIN_COUNTY, p.id(), null)).stream().map(x -> x.entry().teacherId()).toList());
    }

    @Test
    void e7_aSchoolAdminWaitlistsItsOwnTeachersForItsSchoolsSeats_andAWithdrawalThereFillsFromIt() {
        var p = w.projectWithCountySeats(3);
        w.addTeacherAt("T1", "4115230001");
        w.addTeacherAt("W1", "4115230001");
        w.addTeacherAt("W2", "4115230001");
        w.addTeacherAt("W3", "4115230002");
        var school1 = World.XIN_SCHOOL_1;
        var school2 = World.XIN_SCHOOL_2;
        done(w.allocate.execute(World.XIN_COUNTY, p.id(), "4115230001", 1));
        done(w.enroll.execute(school1, p.id(), "T1", null));
        // the school's one seat is taken: its own teachers go on its own pool's waitlist, in order
        var first = done(w.waitlist.add(school1, p.id(), "W1"));
        assertEquals("4115230001", first.place().entry().quotaJurisdiction());
        assertEquals(1, first.place().position());
        assertEquals(2, done(w.waitlist.add(school1, p.id(), "W2")).place().position());
        // not another school's teacher; not for a school without seats of its own (the county keeps that waitlist)
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.waitlist.add(school1, p.id(), "W3")).kind());
        var noSeats = refused(w.waitlist.add(school2, p.id(), "W3"));
        assertEquals("E1", noSeats.rule());
        assertEquals("本校未分配到该项目名额，储备名单由县区列入", noSeats.message().zh());
        // each school reads its own pool's list; the county reads every pool of its subtree
        assertEquals(List.of("W1", "W2"), done(w.waitlist.list(school1, p.id(), null)).stream().map(x -> x.entry().teacherId()).toList());
        assertEquals(List.of(), done(w.waitlist.list(school2, p.id(), null)));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.waitlist.list(school1, p.id(), "411523")).kind());
        done(w.waitlist.add(World.XIN_COUNTY, p.id(), "W3"));   // W3's school has no seats: the county's pool
        assertEquals(3, done(w.waitlist.list(World.XIN_COUNTY, p.id(), null)).size());
        // a school takes its own teachers off its list, not those of the county's pool
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.waitlist.remove(school1, p.id(), "W3")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.waitlist.remove(school2, p.id(), "W2")).kind());
        done(w.waitlist.remove(school1, p.id(), "W2"));
        // the county withdraws T1: the school's seat goes to the first of the school's list
        assertEquals("W1", done(w.withdraw.execute(World.XIN_COUNTY, p.id(), "T1")).promoted().teacherId());
        assertEquals("4115230001", w.ports.enrollments.find(p.id(), "W1").orElseThrow().quotaJurisdiction());
    }

    @Test
    void e1_seatsDownToSchools_aSchoolAdminNominatesItsOwnTeachersWithinItsSeats_andEachSelectedTeacherIsTold() {
        var p = w.projectWithCountySeats(3);
        w.addTeacherAt("T1", "4115230001");
        w.addTeacherAt("T2", "4115230002");
        w.addTeacherAt("T3", "4115230001");
        var school1 = World.XIN_SCHOOL_1;
        var school2 = World.XIN_SCHOOL_2;
        // the county gives its school 0001 one of its three seats; a school cannot allocate, nor get more than the county has
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.allocate.execute(school1, p.id(), "4115230001", 1)).kind());
        assertEquals("E1", refused(w.allocate.execute(World.XIN_COUNTY, p.id(), "4115230001", 4)).rule());
        done(w.allocate.execute(World.XIN_COUNTY, p.id(), "4115230001", 1));
        var t1 = done(w.enroll.execute(school1, p.id(), "T1", null)).enrollment();
        assertEquals("4115230001", t1.quotaJurisdiction());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.enroll.execute(school1, p.id(), "T2", null)).kind());   // another school's teacher
        assertEquals("E1", refused(w.enroll.execute(school2, p.id(), "T2", null)).rule());                  // a school without seats
        assertEquals("E1", refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "T3", null)).rule());         // school 0001's one seat is taken
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T2", null));                                          // from the county's own pool
        assertEquals(2, w.ports.notices.stream().filter(n -> n.kind().equals("SELECTED")).count());
        var told = w.ports.notices.stream().filter(n -> n.recipient().equals("TEACHER#T1")).findFirst().orElseThrow();
        // HENU was not registered when the project was made: the notice can only name it by its code
        assertTrue(told.body().zh().endsWith("请于 2020-10-12 到承训机构（HENU）报到。"), told.body().zh());

        // each school's admin lists its own trainees, whichever pool their seats came from; the county lists all of them
        assertEquals(List.of("T1"), done(w.list.ofProject(school1, p.id(), null, null, null, null)).items().stream().map(e -> e.teacherId()).toList());
        assertEquals(List.of("T2"), done(w.list.ofProject(school2, p.id(), null, null, null, null)).items().stream().map(e -> e.teacherId()).toList());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.list.ofProject(school1, p.id(), "4115230002", null, null, null)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.list.ofProject(school1, p.id(), "411523", null, null, null)).kind());
        assertEquals(2, done(w.list.ofProject(World.XIN_COUNTY, p.id(), null, null, null, null)).items().size());
        assertEquals("4115230001", t1.school());
        assertEquals("411523", t1.jurisdiction(), "the teacher's jurisdiction stays the county's");
        // the county reads each school's figures: its own trainees, not none
        var rates = new org.teachertraining.core.enrollment.ReportRates(w.ports.programs, w.ports.projects, w.ports.quotas, w.ports.enrollments, w.access);
        int year = p.startDate().getYear();
        assertEquals(1, done(rates.ofYear(World.XIN_COUNTY, "4115230001", year)).stream().filter(r -> r.projectId().equals(p.id())).findFirst().orElseThrow().enrolled());
        assertEquals(2, done(rates.ofYear(World.XIN_COUNTY, "411523", year)).stream().filter(r -> r.projectId().equals(p.id())).findFirst().orElseThrow().enrolled());
    }

    @Test
    void callersActOnlyInsideTheirOwnSubtree() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.enroll.execute(World.GUANGSHAN, p.id(), "T1", null)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.enroll.execute(World.ZHENGZHOU, p.id(), "T1", null)).kind());
        var teacher = new Caller("t", Role.TEACHER, "411523", null, "T1");
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.enroll.execute(teacher, p.id(), "T1", null)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(w.enroll.execute(World.XIN_COUNTY, "nope", "T1", null)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "nobody", null)).kind());
    }

    @Test
    void aTeacherIdInAnotherCaseIsNotFound_namingTheIdRegistered() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("41152319900101001X", "411523");
        var refusal = refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "41152319900101001x", null));
        assertEquals(Refusal.Kind.NOT_FOUND, refusal.kind());
        assertEquals("教师不存在：41152319900101001x；已登记的教师编号是 41152319900101001X（编号区分大小写）", refusal.message().zh());
        var waitlisted = refused(w.waitlist.add(World.XIN_COUNTY, p.id(), "41152319900101001x"));
        assertTrue(waitlisted.message().zh().contains("已登记的教师编号是 41152319900101001X"), waitlisted.message().zh());
        assertEquals("教师不存在：nobody", refused(w.enroll.execute(World.XIN_COUNTY, p.id(), "nobody", null)).message().zh());
        assertEquals(List.of(), w.ports.enrollments.holdingSeats(p.id()));
    }

    @Test
    void listingsArePagedAndLimitedToTheCallersSubtree() {
        var p = w.projectWithCountySeats(5);
        done(w.allocate.execute(World.XINYANG, p.id(), "411522", 5));
        for (int i = 0; i < 3; i++) {
            w.addTeacher("X" + i, "411523");
            done(w.enroll.execute(World.XINYANG, p.id(), "X" + i, null));
            w.addTeacher("G" + i, "411522");
            done(w.enroll.execute(World.XINYANG, p.id(), "G" + i, null));
        }
        var page = done(w.list.ofProject(World.XIN_COUNTY, p.id(), null, null, null, 2));
        assertEquals(2, page.items().size());
        var rest = done(w.list.ofProject(World.XIN_COUNTY, p.id(), null, null, page.nextCursor(), 2));
        assertEquals(1, rest.items().size());
        assertTrue(rest.items().stream().allMatch(e -> e.jurisdiction().equals("411523")));
        assertEquals(6, done(w.list.ofProject(World.XINYANG, p.id(), null, null, null, 100)).items().size());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.list.ofProject(World.XIN_COUNTY, p.id(), "411522", null, null, null)).kind());
        var institution = new Caller("henu", Role.INSTITUTION, null, "HENU", null);
        assertEquals(6, done(w.list.ofProject(institution, p.id(), null, null, null, null)).items().size());
        var other = new Caller("zzu", Role.INSTITUTION, null, "ZZU", null);
        assertEquals(Refusal.Kind.FORBIDDEN, refused(w.list.ofProject(other, p.id(), null, null, null, null)).kind());
    }
}
