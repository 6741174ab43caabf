package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.lifecycle.LifecycleEngine;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/**
 * P1's anonymous trainee ratings count toward the ranking that eliminates institutions: only a trainee who could have
 * been there rates — from the training's first day, and not one the lifecycle recorded as never having come (E8).
 */
class TraineeRatingTest {
    final World w = new World();

    /** Rating starts, ends and hands over nothing in an execution. */
    final LifecycleEngine noExecution = new LifecycleEngine() {
        public String start(String projectId, Object input) { throw new AssertionError("rating starts no execution"); }
        public boolean succeed(String token, Object output) { throw new AssertionError(); }
        public boolean fail(String token, String error, String cause) { throw new AssertionError(); }
        public boolean heartbeat(String token) { throw new AssertionError(); }
        public void stop(String executionId, String error, String cause) { throw new AssertionError(); }
        public Execution describe(String executionId) { throw new AssertionError(); }
    };
    final ProjectLifecycleRequests requests = new ProjectLifecycleRequests(w.ports.projects, w.ports.enrollments, w.ports.lifecycles, w.ports.quotas, w.ports.applications, w.ports.waitlists,
            noExecution, w.access, w.clock);
    final org.teachertraining.core.project.Project project = w.projectWithCountySeats(2);

    static Caller trainee(String id) {
        return new Caller("t-" + id, Role.TEACHER, null, null, id);
    }

    @Test
    void p1_aTraineeRatesFromTheFirstDay_notBefore_andNotAsANoShow() {
        w.addTeacher("R-1", "411523");
        w.addTeacher("R-2", "411523");
        done(w.enroll.execute(World.XINYANG, project.id(), "R-1", null));
        done(w.enroll.execute(World.XINYANG, project.id(), "R-2", null));

        var early = refused(requests.rate(trainee("R-1"), project.id(), 1, "还没开班"));
        assertEquals(Refusal.Kind.CONFLICT, early.kind());
        assertEquals("P1", early.rule());
        assertEquals(List.of(), w.ports.lifecycles.ratings(project.id()), "nothing kept of the refused rating");

        // the first day ends: R-2 never registered (报到), and the lifecycle marks the seat NO_SHOW
        w.clock.set(OffsetDateTime.parse("2020-10-13T09:00:00+08:00"));
        var seat = w.ports.enrollments.find(project.id(), "R-2").orElseThrow();
        w.ports.enrollments.move(seat, EnrollmentStatus.SELECTED, EnrollmentStatus.NO_SHOW, "lifecycle", w.clock.instant()).orElseThrow();
        var noShow = refused(requests.rate(trainee("R-2"), project.id(), 1, null));
        assertEquals(Refusal.Kind.CONFLICT, noShow.kind());
        assertEquals("E8", noShow.rule());

        done(requests.rate(trainee("R-1"), project.id(), 4, null));
        assertEquals(List.of(4), w.ports.lifecycles.ratings(project.id()));
    }

    /** The stakeholders' rating (相关利益群体评价): a bureau whose teachers took seats, after the training; its repeat replaces it. */
    @Test
    void p1_aBureauThatSentTraineesRatesAfterTheTraining_oneGivenSeatsItLeftUnusedDoesNot() {
        done(w.allocate.execute(World.PROVINCE, project.id(), "410200", 3));   // 开封: seats, none of them used
        var kaifeng = new Caller("kf", Role.CITY_ADMIN, "410200", null, null);
        w.addTeacher("R-1", "411523");
        done(w.enroll.execute(World.XINYANG, project.id(), "R-1", null));

        assertEquals("P1", refused(requests.rateAsBureau(World.XIN_COUNTY, project.id(), 80, null)).rule(), "before the training ends");
        w.clock.set(OffsetDateTime.parse("2020-10-27T09:00:00+08:00"));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(requests.rateAsBureau(kaifeng, project.id(), 10, "没有派人")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(requests.rateAsBureau(World.PROVINCE, project.id(), 90, null)).kind(), "the owner rates by other means");
        assertEquals("score", refused(requests.rateAsBureau(World.XIN_COUNTY, project.id(), 101, null)).errors().getFirst().field());
        done(requests.rateAsBureau(World.XIN_COUNTY, project.id(), 80, null));
        done(requests.rateAsBureau(World.XIN_COUNTY, project.id(), 85, "复核后"));
        done(requests.rateAsBureau(World.XINYANG, project.id(), 70, null));   // the city allocated on to the county
        assertEquals(List.of(70, 85), w.ports.lifecycles.bureauRatings(project.id()).stream().sorted().toList());
    }
}
