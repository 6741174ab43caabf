package org.teachertraining.core.integrity;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who hears of each step of recourse (E4a), and in what words: the province of the teacher's county, and the teacher. */
class RecourseNoticeTest {
    static final JurisdictionTree TREE = JurisdictionTree.china();
    static final Teacher TEACHER = new Teacher("T-1", "王芳", "411523", "4115230001", Stage.PRIMARY, List.of("语文"), TeacherRole.TEACHER,
            SchoolLocation.RURAL, LocalDate.of(2010, 9, 1), null);
    static final IntegrityRecord NO_SHOW = IntegrityRecord.of("T-1", IntegrityRecord.Kind.NO_SHOW, "P-1", LocalDate.of(2020, 10, 20));
    static final Instant AT = Instant.parse("2020-11-01T02:00:00Z");

    static Recourse.Step step(Recourse.Action action, Boolean lift) {
        return new Recourse.Step(action, "u", "R", AT, "开班当日住院", null, lift);
    }

    @Test
    void anAppealReachesTheProvinceOfTheTeachersCounty() {
        var next = Recourse.none("T-1", NO_SHOW.id()).then(Recourse.Status.APPEALED, step(Recourse.Action.APPEAL, null));
        var notices = RecourseNotice.of(next, NO_SHOW, TEACHER, TREE, AT);
        assertEquals(1, notices.size());
        assertEquals("JURISDICTION#410000", notices.get(0).recipient());
        assertEquals("王芳（T-1，新县）对 2020-10-20 无故未参训记录提出申诉，理由：开班当日住院。请在「诚信申诉」中决定。", notices.get(0).body().zh());
        assertTrue(notices.get(0).body().en().contains("the record of 2020-10-20 (no-show)"), notices.get(0).body().en());
    }

    @Test
    void anExcuseReachesTheTeacherAndTheProvince_aDecisionTheTeacher_eachStepItsOwnNotice() {
        var excused = Recourse.none("T-1", NO_SHOW.id()).then(Recourse.Status.EXCUSED, step(Recourse.Action.EXCUSE, null));
        var toBoth = RecourseNotice.of(excused, NO_SHOW, TEACHER, TREE, AT);
        assertEquals(List.of("TEACHER#T-1", "JURISDICTION#410000"), toBoth.stream().map(n -> n.recipient()).toList());
        var kept = excused.then(Recourse.Status.KEPT, step(Recourse.Action.DECISION, false));
        var decision = RecourseNotice.of(kept, NO_SHOW, TEACHER, TREE, AT);
        assertEquals("TEACHER#T-1", decision.get(0).recipient());
        assertTrue(decision.get(0).body().zh().contains("予以维持，2023-10-20 前不得参加省级及以上培训"), decision.get(0).body().zh());
        // the same recipient hears of two steps of one record as two notices (their IDs are the steps')
        assertTrue(!toBoth.get(0).id().equals(decision.get(0).id()));
    }
}
