package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.RecordSchoolBasedHours;
import org.teachertraining.core.credit.SchoolBasedHours;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class SchoolBasedHoursTest {
    final World w = new World();
    final RecordSchoolBasedHours useCase = new RecordSchoolBasedHours(w.ports.teachers, w.ports.schoolBased, w.ports.ledger, w.access, w.clock, w.compliance, w.requirements);
    /** The school admin of 新县's school 0001: its code is the county's and four digits. */
    static final Caller SCHOOL = new Caller("school", Role.SCHOOL_ADMIN, "4115230001", null, null);

    @Test
    void schoolHoursCountOnlyOnceTheCountyApprovesThem_andOnlyOnce() {
        w.addTeacherAt("T1", "4115230001");
        var pending = done(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-1", 2020, 12, "同课异构教研", null)));
        assertEquals(SchoolBasedHours.Status.PENDING, pending.status());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
        assertEquals(1, w.ports.schoolBased.pendingIn("411523").size());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(useCase.decide(SCHOOL, "T1", "SB-1", true, null)).kind());
        done(useCase.decide(World.XIN_COUNTY, "T1", "SB-1", true, "ok"));
        done(useCase.decide(World.XIN_COUNTY, "T1", "SB-1", true, "ok again"));
        var ledger = w.ports.ledger.ofTeacher("T1");
        assertEquals(1, ledger.size());
        assertEquals(CreditCategory.SCHOOL_BASED, ledger.get(0).category());
        assertEquals(12, w.ports.hours.creditedIn("T1", 2020));
        assertEquals(Refusal.Kind.CONFLICT, refused(useCase.decide(World.XIN_COUNTY, "T1", "SB-1", false, "no")).kind());
        assertTrue(w.ports.schoolBased.pendingIn("411523").isEmpty());
    }

    /** Whether a record exists is said only to the county over the teacher: another county gets 403 for one there or not. */
    @Test
    void aRecordThatIsNotThereIsNotFoundOnlyForTheTeachersCounty() {
        w.addTeacherAt("T1", "4115230001");
        done(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-1", 2020, 12, "同课异构教研", null)));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(useCase.decide(World.GUANGSHAN, "T1", "SB-1", true, null)).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(useCase.decide(World.GUANGSHAN, "T1", "SB-9", true, null)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(useCase.decide(World.XIN_COUNTY, "T1", "SB-9", true, null)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(useCase.decide(World.GUANGSHAN, "NOBODY", "SB-1", true, null)).kind());
    }

    @Test
    void rejectedHoursNeverCount_andBadInputIsNamed() {
        w.addTeacherAt("T1", "4115230001");
        done(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-2", 2020, 8, "读书分享", null)));
        done(useCase.decide(World.XIN_COUNTY, "T1", "SB-2", false, "无佐证材料"));
        assertEquals(Refusal.Kind.CONFLICT, refused(useCase.decide(World.XIN_COUNTY, "T1", "SB-2", true, null)).kind());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
        var bad = refused(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-3", 2030, -1, "", null)));
        assertEquals(3, bad.errors().size());
        // a topic is a requirement's ID (HEAD_TEACHER), as on a completion: a name in Chinese would never count toward it
        var named = refused(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-3", 2020, 8, "班主任工作研讨", "班主任")));
        assertEquals("topic", named.errors().getFirst().field());
        var typo = refused(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-3", 2020, 8, "班主任工作研讨", "HEAD_TEACHR")));
        assertEquals("topic", typo.errors().getFirst().field());
        assertTrue(typo.errors().getFirst().allowed().contains("HEAD_TEACHER"), typo.toString());
        done(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-3", 2020, 8, "班主任工作研讨", "head_teacher")));
        assertEquals(Refusal.Kind.CONFLICT, refused(useCase.record(SCHOOL, "T1", new RecordSchoolBasedHours.Command("SB-2", 2020, 8, "x", null))).kind());
        var otherSchool = new Caller("s2", Role.SCHOOL_ADMIN, "4115230002", null, null);   // the same county's other school
        assertEquals(Refusal.Kind.FORBIDDEN, refused(useCase.record(otherSchool, "T1", new RecordSchoolBasedHours.Command("SB-4", 2020, 8, "x", null))).kind());
    }

    @Test
    void noHoursForAYearBeforeTheTeacherBeganTeaching() {
        var t = w.teacher("NEW-1", "411523");
        done(w.saveTeacher.execute(World.XINYANG, new org.teachertraining.core.teacher.SaveTeacher.Command(t.id(), t.name(), t.jurisdiction(), "4115230001",
                t.stage(), t.subjects(), t.role(), t.schoolLocation(), java.time.LocalDate.of(2019, 9, 1), t.backboneLevel())));
        var before = refused(useCase.record(SCHOOL, "NEW-1", new RecordSchoolBasedHours.Command("SB-5", 2018, 8, "读书分享", null)));
        assertEquals("year", before.errors().get(0).field());
        assertEquals("早于该教师的从教年份（2019 年）", before.errors().get(0).message().zh());
        assertTrue(w.ports.schoolBased.pendingIn("411523").isEmpty(), "nothing stored");
        done(useCase.record(SCHOOL, "NEW-1", new RecordSchoolBasedHours.Command("SB-5", 2019, 8, "读书分享", null)));
    }
}
