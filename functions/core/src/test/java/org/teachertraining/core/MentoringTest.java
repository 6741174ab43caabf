package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.mentoring.MentoringActivities;
import org.teachertraining.core.mentoring.MentoringCommunities;
import org.teachertraining.core.mentoring.MentoringCoverage;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.SchoolLocation;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/** T2 at its boundaries, on in-memory ports (the clock: 2020-09-01; MentoringIT races the limits on DynamoDB). */
class MentoringTest {
    final World w = new World();
    final MentoringCommunities communities = new MentoringCommunities(w.ports.mentoring, w.ports.teachers, w.access, w.clock);
    final MentoringActivities activities = new MentoringActivities(w.ports.mentoring, w.ports.teachers, w.compliance, w.access, w.clock);
    final MentoringCoverage coverage = new MentoringCoverage(w.ports.mentoring, w.access, w.clock);

    void teacher(String id, String county, SchoolLocation location, LocalDate since) {
        var t = w.teacher(id, county);
        done(w.saveTeacher.execute(World.XINYANG, new SaveTeacher.Command(id, t.name(), county, null, t.stage(), t.subjects(), t.role(), location, since, null)));
    }

    String community() {
        teacher("M", "411523", SchoolLocation.URBAN, LocalDate.of(2000, 9, 1));
        teacher("B", "411523", SchoolLocation.TOWN, LocalDate.of(2010, 9, 1));
        var c = done(communities.create(World.XIN_COUNTY, new MentoringCommunities.Create("新县名师工作室", "411523", 2020, "M")));
        done(communities.addBackbone(World.XIN_COUNTY, c.id(), "B"));
        return c.id();
    }

    /** A rural new teacher N (started 2019) under the backbone B; answers B, who records their activities. */
    Caller newTeacherUnderB(String communityId) {
        teacher("N", "411523", SchoolLocation.RURAL, LocalDate.of(2019, 9, 1));
        done(communities.addNewTeacher(World.XIN_COUNTY, communityId, "B", "N"));
        return new Caller("b", Role.TEACHER, "411523", null, "B");
    }

    @Test
    void t2_aNewTeacherIsInTheFirstThreeYears_startingIn2018Counts_2017DoesNot_andNotBeforeStarting() {
        String id = community();
        teacher("N2018", "411523", SchoolLocation.RURAL, LocalDate.of(2018, 9, 1));
        teacher("N2017", "411523", SchoolLocation.RURAL, LocalDate.of(2017, 9, 1));
        teacher("N2020", "411523", SchoolLocation.TOWN, LocalDate.of(2020, 8, 1));
        done(communities.addNewTeacher(World.XIN_COUNTY, id, "B", "N2018"));
        assertEquals("teachingSince", refused(communities.addNewTeacher(World.XIN_COUNTY, id, "B", "N2017")).details().get("criterion"));
        // a community of 2019: a teacher who started in 2020 was no teacher then
        teacher("M19", "411523", SchoolLocation.URBAN, LocalDate.of(2000, 9, 1));
        teacher("B19", "411523", SchoolLocation.TOWN, LocalDate.of(2010, 9, 1));
        var earlier = done(communities.create(World.XIN_COUNTY, new MentoringCommunities.Create("2019 年工作室", "411523", 2019, "M19")));
        done(communities.addBackbone(World.XIN_COUNTY, earlier.id(), "B19"));
        assertEquals("teachingSince", refused(communities.addNewTeacher(World.XIN_COUNTY, earlier.id(), "B19", "N2020")).details().get("criterion"));
        done(communities.addNewTeacher(World.XIN_COUNTY, id, "B", "N2020"));
    }

    @Test
    void t2_ruralAndTownshipSchoolsOnly_andMembersWithinTheOwner() {
        String id = community();
        teacher("U", "411523", SchoolLocation.URBAN, LocalDate.of(2019, 9, 1));
        teacher("G", "411522", SchoolLocation.RURAL, LocalDate.of(2019, 9, 1));
        var urban = refused(communities.addNewTeacher(World.XIN_COUNTY, id, "B", "U"));
        assertEquals("T2", urban.rule());
        assertEquals("schoolLocation", urban.details().get("criterion"));
        assertEquals("jurisdiction", refused(communities.addNewTeacher(World.XIN_COUNTY, id, "B", "G")).details().get("criterion"));
        assertEquals(Refusal.Kind.NOT_FOUND, refused(communities.addNewTeacher(World.XIN_COUNTY, id, "M", "U")).kind(), "the master is not a backbone");
        assertEquals(Refusal.Kind.FORBIDDEN, refused(communities.addBackbone(World.GUANGSHAN, id, "U")).kind());
    }

    @Test
    void t2_theTenthBackboneJoins_theEleventhIsRefused_andOneCommunityAYear() {
        String id = community();
        for (int i = 1; i <= 10; i++) teacher("B" + i, "411523", SchoolLocation.TOWN, LocalDate.of(2010, 9, 1));
        for (int i = 1; i <= 9; i++) done(communities.addBackbone(World.XIN_COUNTY, id, "B" + i));   // with B: ten
        var full = refused(communities.addBackbone(World.XIN_COUNTY, id, "B10"));
        assertEquals(Refusal.Kind.CONFLICT, full.kind());
        assertEquals("T2", full.rule());
        teacher("M2", "411523", SchoolLocation.URBAN, LocalDate.of(2000, 9, 1));
        var other = done(communities.create(World.XIN_COUNTY, new MentoringCommunities.Create("另一个工作室", "411523", 2020, "M2")));
        assertEquals(Refusal.Kind.CONFLICT, refused(communities.addBackbone(World.XIN_COUNTY, other.id(), "B1")).kind(), "B1 is in a community of 2020");
        assertEquals(Refusal.Kind.CONFLICT, refused(communities.create(World.XIN_COUNTY, new MentoringCommunities.Create("再一个", "411523", 2020, "B"))).kind());
        done(communities.create(World.XIN_COUNTY, new MentoringCommunities.Create("次年", "411523", 2021, "B")));   // another year
    }

    @Test
    void t2_fiftyHoursExactlyCountTheTeacherAsTrained_once() {
        String id = community();
        var backbone = newTeacherUnderB(id);
        for (int i = 1; i <= 7; i++) {
            done(activities.record(backbone, id, new MentoringActivities.Record("A" + i, "B", "研讨", LocalDate.of(2020, 8, i), CreditCategory.ONLINE,
                    List.of(new MentoringActivities.AttendeeHours("N", i <= 6 ? 8 : 2)))));
        }
        for (int i = 1; i <= 6; i++) done(activities.decide(World.XIN_COUNTY, id, "A" + i, new MentoringActivities.Decide(true, null, null)));
        assertEquals(0, w.ports.mentoring.find(id).orElseThrow().trainedNewTeachers(), "48 hours");
        done(activities.decide(World.XIN_COUNTY, id, "A7", new MentoringActivities.Decide(true, null, null)));
        assertEquals(1, w.ports.mentoring.find(id).orElseThrow().trainedNewTeachers(), "50 hours");
        done(activities.decide(World.XIN_COUNTY, id, "A7", new MentoringActivities.Decide(true, null, null)));   // a retry changes nothing
        assertEquals(50, w.ports.mentoring.member(id, "N").orElseThrow().approvedHours());
        assertEquals(7, w.ports.ledger.ofTeacher("N").size());
        assertEquals(Refusal.Kind.CONFLICT, refused(activities.decide(World.XIN_COUNTY, id, "A7", new MentoringActivities.Decide(false, null, null))).kind());
    }

    @Test
    void t2_activitiesInTheCommunitysYearOnly_notInTheFuture_eightHoursAtMost() {
        String id = community();
        var backbone = newTeacherUnderB(id);
        var tomorrow = refused(activities.record(backbone, id, new MentoringActivities.Record("F", "B", "研讨", LocalDate.of(2020, 9, 2), CreditCategory.ONLINE,
                List.of(new MentoringActivities.AttendeeHours("N", 2)))));
        assertEquals("date", tomorrow.errors().getFirst().field());
        var lastYear = refused(activities.record(backbone, id, new MentoringActivities.Record("F", "B", "研讨", LocalDate.of(2019, 12, 31), CreditCategory.ONLINE,
                List.of(new MentoringActivities.AttendeeHours("N", 2)))));
        assertEquals("date", lastYear.errors().getFirst().field());
        var nine = refused(activities.record(backbone, id, new MentoringActivities.Record("F", "B", "研讨", LocalDate.of(2020, 9, 1), CreditCategory.ONLINE,
                List.of(new MentoringActivities.AttendeeHours("N", 9)))));
        assertEquals("attendees[0].hours", nine.errors().getFirst().field());
        done(activities.record(backbone, id, new MentoringActivities.Record("F", "B", "研讨", LocalDate.of(2020, 9, 1), CreditCategory.SCHOOL_BASED,
                List.of(new MentoringActivities.AttendeeHours("N", 8)))));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(activities.decide(World.GUANGSHAN, id, "F", new MentoringActivities.Decide(true, null, null))).kind());
        // which activities exist is said only to a county on the community's branch: another county gets 403 either way
        assertEquals(Refusal.Kind.FORBIDDEN, refused(activities.decide(World.GUANGSHAN, id, "NONE", new MentoringActivities.Decide(true, null, null))).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(activities.decide(World.XIN_COUNTY, id, "NONE", new MentoringActivities.Decide(true, null, null))).kind());
        // a careless decision: an empty list decides nothing (leave it out to decide all), a teacher named twice
        assertEquals("teacherIds", refused(activities.decide(World.XIN_COUNTY, id, "F", new MentoringActivities.Decide(true, List.of(), null))).errors().getFirst().field());
        assertEquals("teacherIds[1]", refused(activities.decide(World.XIN_COUNTY, id, "F", new MentoringActivities.Decide(true, List.of("N", "N"), null))).errors().getFirst().field());
        assertEquals(0, w.ports.ledger.ofTeacher("N").size(), "nothing decided by a refused request");
    }

    @Test
    void t2_aNewTeachersApprovedHoursOfOneDayStayWithinEight_whicheverActivitiesGiveThem() {
        String id = community();
        var backbone = newTeacherUnderB(id);
        var day = LocalDate.of(2020, 8, 20);
        for (var a : List.of(new String[]{"AM", "5"}, new String[]{"PM", "4"}, new String[]{"EVE", "3"})) {
            done(activities.record(backbone, id, new MentoringActivities.Record(a[0], "B", "研讨", day, CreditCategory.SCHOOL_BASED,
                    List.of(new MentoringActivities.AttendeeHours("N", Integer.parseInt(a[1]))))));
        }
        done(activities.decide(World.XIN_COUNTY, id, "AM", new MentoringActivities.Decide(true, null, null)));
        var nine = refused(activities.decide(World.XIN_COUNTY, id, "PM", new MentoringActivities.Decide(true, null, null)));
        assertEquals(Refusal.Kind.CONFLICT, nine.kind());
        assertEquals("T2", nine.rule());
        assertTrue(nine.message().zh().contains("已获批 5 学时"), nine.message().zh());
        assertEquals(5, w.ports.mentoring.member(id, "N").orElseThrow().approvedHours(), "nothing of PM credited");
        assertEquals(1, w.ports.ledger.ofTeacher("N").size());
        done(activities.decide(World.XIN_COUNTY, id, "PM", new MentoringActivities.Decide(false, null, "同日重复")));   // still pending: it can be rejected
        done(activities.decide(World.XIN_COUNTY, id, "EVE", new MentoringActivities.Decide(true, null, null)));   // 5 + 3: a full day
        assertEquals(8, w.ports.mentoring.member(id, "N").orElseThrow().approvedHours());
        // another day is a day of its own
        done(activities.record(backbone, id, new MentoringActivities.Record("NEXT", "B", "研讨", day.plusDays(1), CreditCategory.SCHOOL_BASED,
                List.of(new MentoringActivities.AttendeeHours("N", 8)))));
        done(activities.decide(World.XIN_COUNTY, id, "NEXT", new MentoringActivities.Decide(true, null, null)));
        assertEquals(16, w.ports.mentoring.member(id, "N").orElseThrow().approvedHours());
    }

    @Test
    void t2_coverageAgainstATargetOfZeroHasNoPercentage_andHenanFallsBackToTheNoticesTargets() {
        community();
        done(coverage.setTarget(World.XIN_COUNTY, "411523", 2020, 0, 10, 100));
        var c = done(coverage.of(World.XIN_COUNTY, "411523", 2020));
        assertEquals(1, c.masters());
        assertNull(c.mastersPercent());
        assertEquals(10.0, c.backbonesPercent().doubleValue());
        var henan = done(coverage.of(World.PROVINCE, "410000", 2020));
        assertEquals("SEED", henan.targetSource());
        assertEquals(700, henan.target().masters());
        assertEquals(1, henan.masters(), "the county's community counts in the province's figures");
        assertEquals(0, done(coverage.of(World.XIN_COUNTY, "411523", 2021)).masters());
        assertNull(done(coverage.of(World.ZHENGZHOU, "410100", 2020)).target());
    }
}
