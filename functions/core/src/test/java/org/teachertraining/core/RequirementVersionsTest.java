package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.Requirement;
import org.teachertraining.core.credit.SetRequirement;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

/** C3 as the bureaus' data: versions in force from a later year, a district's plan replacing the province's for its teachers. */
class RequirementVersionsTest {
    final World w = new World();   // the clock: 2020-09-01
    final SetRequirement set = new SetRequirement(w.requirements, w.access, w.clock);
    final ReadTranscript transcript = new ReadTranscript(w.ports.teachers, w.ports.ledger, w.requirements, w.access, w.clock);

    static SetRequirement.Command henan(int hours, int from, Map<CreditCategory, Integer> byCategory) {
        return new SetRequirement.Command("410000", "河南省教师继续教育：每5年不少于" + hours + "学时", Requirement.AppliesTo.ALL, null, 5, hours,
                byCategory, 2021, from);
    }

    static SetRequirement.Command district(String county) {
        return new SetRequirement.Command(county, "区县规划：每4年不少于240学时，其中校本研修不少于120学时", Requirement.AppliesTo.ALL, null, 4, 240,
                Map.of(CreditCategory.SCHOOL_BASED, 120), 2021, 2021);
    }

    void credit(String teacherId, int year, CreditCategory category, int hours) {
        w.ports.ledger.post(teacherId, List.of(new CreditEntry("E" + teacherId + year + category, teacherId, year, category, hours, null, "test",
                null, null, null, "test", Instant.EPOCH)));
    }

    @Test
    void c3_aRequirementIdInAnotherCaseIsRefused_namingTheOneThatHoldsIt_andNothingIsStored_butReadsAsThatOne() {
        // the seed's ID (HN-CYCLE) in lower case: a clerk meaning to change it would otherwise start a second requirement
        var seed = refused(set.execute(World.PROVINCE, "hn-cycle", henan(400, 2022, Map.of())));
        assertEquals(Refusal.Kind.CONFLICT, seed.kind());
        assertEquals("HN-CYCLE", seed.details().get("existing"));
        assertTrue(seed.message().zh().contains("请用 HN-CYCLE"), seed.message().zh());
        // a stored requirement's ID in another case
        done(set.execute(World.PROVINCE, "HN-Reading", henan(40, 2022, Map.of())));
        var stored = refused(set.execute(World.PROVINCE, "hn-reading", henan(50, 2022, Map.of())));
        assertEquals("HN-Reading", stored.details().get("existing"));
        // read in another case, it is the requirement set under that ID, unchanged
        assertEquals("HN-CYCLE", done(set.history("hn-cycle")).id());
        assertEquals(List.of(0), done(set.history("hn-cycle")).versions().stream().map(Requirement::version).toList());
        assertEquals(List.of(1), done(set.history("hn-reading")).versions().stream().map(Requirement::version).toList());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(set.history("hn-nothing")).kind());
        // its own ID keeps taking versions
        assertEquals(2, done(set.execute(World.PROVINCE, "HN-Reading", henan(50, 2022, Map.of()))).version());
    }

    @Test
    void c3_aNewVersionIsInForceFromItsYear_theYearsBeforeKeepTheOldOne() {
        var v1 = done(set.execute(World.PROVINCE, "HN-CYCLE", henan(400, 2022, Map.of())));
        assertEquals(1, v1.version());
        assertEquals(360, w.requirements.inForce(2021).all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow().minHours());
        assertEquals(400, w.requirements.inForce(2022).all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow().minHours());
        var history = done(set.history("HN-CYCLE"));
        assertEquals(List.of(0, 1), history.versions().stream().map(Requirement::version).toList());
        assertEquals(0, history.inForce());   // 2020: the seed's still

        // a teacher with 370 hours in the cycle 2021–2025 met 360 in 2021 and is 30 short of 400 from 2022
        w.addTeacher("T1", "411523");
        credit("T1", 2021, CreditCategory.CENTRALIZED, 370);
        w.clock.set(OffsetDateTime.parse("2021-12-31T23:00:00+08:00"));
        var in2021 = done(transcript.execute(World.XIN_COUNTY, "T1")).requirements().stream().filter(r -> r.requirementId().equals("HN-CYCLE")).findFirst().orElseThrow();
        assertTrue(in2021.met());
        w.clock.set(OffsetDateTime.parse("2022-01-01T00:30:00+08:00"));   // Beijing's new year, still 2021 in UTC
        var in2022 = done(transcript.execute(World.XIN_COUNTY, "T1")).requirements().stream().filter(r -> r.requirementId().equals("HN-CYCLE")).findFirst().orElseThrow();
        assertFalse(in2022.met());
        assertEquals(30, in2022.shortBy());
        assertEquals(2021, in2022.fromYear());
    }

    @Test
    void c3_aChangeCannotReachBackIntoThisYearOrEarlier() {
        var r = refused(set.execute(World.PROVINCE, "HN-CYCLE", henan(400, 2020, Map.of())));
        assertEquals("effectiveFrom", r.errors().getFirst().field());
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertEquals(1, done(set.history("HN-CYCLE")).versions().size());   // nothing stored
        refused(set.execute(World.PROVINCE, "HN-CYCLE", henan(400, 2031, Map.of())));   // more than ten years ahead
    }

    @Test
    void c3_aDistrictsPlanReplacesTheProvincesForItsTeachersOnly() {
        done(set.execute(World.XIN_COUNTY, "XX-DISTRICT-CYCLE", district("411523")));
        w.clock.set(OffsetDateTime.parse("2021-03-01T09:00:00+08:00"));
        w.addTeacher("XX1", "411523");
        w.addTeacher("GS1", "411522");
        var xin = done(transcript.execute(World.XIN_COUNTY, "XX1")).requirements().stream().map(s -> s.requirementId()).toList();
        var guangshan = done(transcript.execute(World.GUANGSHAN, "GS1")).requirements().stream().map(s -> s.requirementId()).toList();
        assertEquals(List.of("XX-DISTRICT-CYCLE", "HN-IT-2.0"), xin);   // the district's 240/4 instead of Henan's 360/5; IT 2.0 is another kind
        assertEquals(List.of("HN-CYCLE", "HN-IT-2.0"), guangshan);
        var applicable = done(set.applicable("411523", 2021)).requirements().stream().map(Requirement::id).toList();
        assertTrue(applicable.contains("XX-DISTRICT-CYCLE") && !applicable.contains("HN-CYCLE"), applicable.toString());
    }

    /** A topic is an ID whatever its case: a district's "it_2_0" requirement is of the kind of Henan's IT_2_0 and replaces it. */
    @Test
    void c3_aDistrictsTopicInAnotherCaseIsTheSameKind() {
        done(set.execute(World.XIN_COUNTY, "XX-IT", new SetRequirement.Command("411523", "区县规划：信息技术应用能力提升不少于60学时",
                Requirement.AppliesTo.ALL, "it_2_0", 5, 60, Map.of(CreditCategory.PRACTICE, 30), 2021, 2021)));
        w.clock.set(OffsetDateTime.parse("2021-03-01T09:00:00+08:00"));
        w.addTeacher("XX2", "411523");
        var xin = done(transcript.execute(World.XIN_COUNTY, "XX2")).requirements().stream().map(s -> s.requirementId()).toList();
        assertEquals(List.of("XX-IT", "HN-CYCLE"), xin);   // not HN-IT-2.0 beside it
    }

    @Test
    void c3_onlyTheUnitsAdminsOrThoseAboveSetItsRequirements() {
        assertEquals(Refusal.Kind.FORBIDDEN, refused(set.execute(World.GUANGSHAN, "XX-DISTRICT-CYCLE", district("411523"))).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(set.execute(new Caller("sx", Role.PROVINCE_ADMIN, "140000", null, null), "XX-DISTRICT-CYCLE", district("411523"))).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(set.execute(new Caller("t", Role.TEACHER, "411523", null, "T1"), "XX-DISTRICT-CYCLE", district("411523"))).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(set.history("XX-DISTRICT-CYCLE")).kind());   // nothing stored
        done(set.execute(World.XINYANG, "XX-DISTRICT-CYCLE", district("411523")));   // the city above it may
    }

    @Test
    void c3_versionsAreNumberedInOrder_andARequirementStaysWithItsUnit() {
        done(set.execute(World.PROVINCE, "HN-CYCLE", henan(400, 2023, Map.of())));
        // announced again before it took effect: the later version of the same year wins
        var v2 = done(set.execute(World.PROVINCE, "HN-CYCLE", henan(380, 2023, Map.of(CreditCategory.SCHOOL_BASED, 100))));
        assertEquals(2, v2.version());
        assertEquals(380, w.requirements.inForce(2023).all().stream().filter(r -> r.id().equals("HN-CYCLE")).findFirst().orElseThrow().minHours());
        var moved = refused(set.execute(World.XIN_COUNTY, "HN-CYCLE", district("411523")));
        assertEquals(Refusal.Kind.CONFLICT, moved.kind());
        assertEquals("C3", moved.rule());
    }

    @Test
    void c3_whatEveryPostingReadsIsBounded_20RequirementsAUnit_50VersionsEach() {
        for (int i = 1; i <= 20; i++) done(set.execute(World.XIN_COUNTY, "XX-" + i, district("411523")));
        var more = refused(set.execute(World.XIN_COUNTY, "XX-21", district("411523")));
        assertEquals(Refusal.Kind.CONFLICT, more.kind());
        assertEquals("C3", more.rule());
        done(set.execute(World.XIN_COUNTY, "XX-1", district("411523")));   // a new version of one it has is not a new requirement
        for (int i = 2; i <= 51; i++) done(set.execute(World.PROVINCE, "HN-CYCLE", henan(360 + i, 2022, Map.of())));
        assertEquals(51, done(set.history("HN-CYCLE")).versions().size());   // the seed and 50
        assertEquals(Refusal.Kind.CONFLICT, refused(set.execute(World.PROVINCE, "HN-CYCLE", henan(500, 2022, Map.of()))).kind());
    }

    @Test
    void c3_aFunctionReusesWhatItReadForAMinute_butReadsItsOwnChangeAtOnce() {
        var kept = new org.teachertraining.core.credit.RequirementBook(org.teachertraining.core.credit.Requirements.seeds(), w.ports.requirementVersions,
                java.time.Duration.ofHours(1));
        var setHere = new SetRequirement(kept, w.access, w.clock);
        assertEquals(List.of("HN-CYCLE", "HN-NEW-TEACHER", "HN-HEAD-TEACHER", "HN-IT-2.0"),
                kept.inForceFor("411523", 2021).all().stream().map(Requirement::id).toList());
        done(set.execute(World.XIN_COUNTY, "XX-DISTRICT-CYCLE", district("411523")));   // through another instance's book
        assertTrue(kept.inForceFor("411523", 2021).all().stream().noneMatch(r -> r.id().equals("XX-DISTRICT-CYCLE")), "kept for the hour");
        done(setHere.execute(World.XIN_COUNTY, "XX-OTHER", district("411523")));   // its own change
        var now = kept.inForceFor("411523", 2021).all().stream().map(Requirement::id).toList();
        assertTrue(now.contains("XX-DISTRICT-CYCLE") && now.contains("XX-OTHER"), now.toString());
    }

    @Test
    void c3_inconsistentRequirementsAreRefusedWithTheFieldNamed() {
        var tooMuch = refused(set.execute(World.PROVINCE, "HN-X", henan(100, 2022, Map.of(CreditCategory.SCHOOL_BASED, 80, CreditCategory.ONLINE, 30))));
        assertEquals("minByCategory", tooMuch.errors().getFirst().field());
        var anchored = refused(set.execute(World.PROVINCE, "HN-NEW", new SetRequirement.Command("410000", "新任教师", Requirement.AppliesTo.NEW_TEACHERS,
                null, 1, 100, Map.of(), 2021, 2022)));
        assertEquals("anchorYear", anchored.errors().getFirst().field());
        var school = refused(set.execute(World.PROVINCE, "HN-S", new SetRequirement.Command("4115230001", "学校", Requirement.AppliesTo.ALL,
                null, 5, 100, Map.of(), 2021, 2022)));
        assertEquals("jurisdiction", school.errors().getFirst().field());
        var badId = refused(set.execute(World.PROVINCE, "HN CYCLE/1", henan(400, 2022, Map.of())));
        assertEquals("id", badId.errors().getFirst().field());
        assertNull(w.requirements.inForce(2030).all().stream().filter(r -> r.id().startsWith("HN-X") || r.id().equals("HN-S")).findFirst().orElse(null));
    }
}
