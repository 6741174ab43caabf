package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.ReverseCredit;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.teachertraining.core.World.done;
import static org.teachertraining.core.World.refused;

class TranscriptTest {
    final World w = new World();
    final PostCompletion post = w.postCompletion;

    {
        w.accreditHenu();
    }
    final ReadTranscript transcript = new ReadTranscript(w.ports.teachers, w.ports.ledger, w.requirements, w.access, w.clock);
    final ReverseCredit reverse = new ReverseCredit(w.ports.teachers, w.ports.ledger, w.access, w.clock, w.compliance);

    String creditedTeacher() {
        var p = w.projectWithCountySeats(5);
        w.addTeacher("T1", "411523");
        done(w.enroll.execute(World.XIN_COUNTY, p.id(), "T1", null));
        done(post.execute(new Completion("C1", p.id(), "HENU", List.of(new Completion.Result("T1", Completion.Outcome.PASSED,
                Map.of(CreditCategory.CENTRALIZED, 120, CreditCategory.ONLINE, 30), null)), "henu",
                OffsetDateTime.parse("2020-10-27T10:00:00+08:00").toInstant())));
        w.clock.set(OffsetDateTime.parse("2020-12-01T09:00:00+08:00"));
        return p.id();
    }

    @Test
    void showsHoursByYearAndCategoryAndHowFarEachRequirementIsShort() {
        creditedTeacher();
        var t = done(transcript.execute(World.XIN_COUNTY, "T1"));
        assertEquals(Map.of(CreditCategory.CENTRALIZED, 120, CreditCategory.ONLINE, 30), t.hoursByYear().get(2020));
        var cycle = t.requirements().stream().filter(r -> r.requirementId().equals("HN-CYCLE")).findFirst().orElseThrow();
        assertEquals(2016, cycle.fromYear());
        assertEquals(2020, cycle.toYear());
        assertEquals(150, cycle.earned());
        assertEquals(210, cycle.shortBy());
        assertFalse(cycle.met());
        // a TEACHER (not a head teacher) who started in 2010: no head-teacher or new-teacher requirement
        assertEquals(List.of("HN-CYCLE", "HN-IT-2.0"), t.requirements().stream().map(r -> r.requirementId()).toList());
        assertEquals(2, t.entries().size());
    }

    @Test
    void aCorrectionReversesExactlyTheEntryItNames_andTotalsFollow() {
        creditedTeacher();
        var reversal = done(reverse.execute(World.XIN_COUNTY, "T1", "C1:T1:ONLINE", "在线学时重复登记"));
        assertEquals(-30, reversal.hours());
        assertEquals("C1:T1:ONLINE", reversal.reverses());
        done(reverse.execute(World.XIN_COUNTY, "T1", "C1:T1:ONLINE", "again"));
        var t = done(transcript.execute(World.XIN_COUNTY, "T1"));
        assertEquals(0, t.hoursByYear().get(2020).get(CreditCategory.ONLINE));
        assertEquals(120, t.hoursByYear().get(2020).get(CreditCategory.CENTRALIZED));
        assertEquals(3, t.entries().size());
        assertEquals(Refusal.Kind.CONFLICT, refused(reverse.execute(World.XIN_COUNTY, "T1", "REV:C1:T1:ONLINE", "x")).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(reverse.execute(World.XIN_COUNTY, "T1", "nope", "x")).kind());
        assertEquals("reason", refused(reverse.execute(World.XIN_COUNTY, "T1", "C1:T1:CENTRALIZED", " ")).errors().get(0).field());
    }

    @Test
    void teachersReadTheirOwnTranscriptOnly() {
        creditedTeacher();
        done(transcript.execute(new Caller("t1", Role.TEACHER, null, null, "T1"), "T1"));
        assertEquals(Refusal.Kind.FORBIDDEN, refused(transcript.execute(new Caller("t2", Role.TEACHER, null, null, "T2"), "T1")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(transcript.execute(World.GUANGSHAN, "T1")).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(reverse.execute(new Caller("t1", Role.TEACHER, "411523", null, "T1"), "T1", "C1:T1:ONLINE", "x")).kind());
    }

    /**
     * Once the new year has begun, the cycle just ended (what re-registration looks at) is read with {@code year}: 2020's
     * hours count there and not in 2021–2025. Only after the caller's right to the teacher is the year judged.
     */
    @Test
    void theCycleJustEnded_isReadWithItsYear_afterTheNewOneBegan() {
        creditedTeacher();
        w.clock.set(OffsetDateTime.parse("2021-01-05T09:00:00+08:00"));
        var now = done(transcript.execute(World.XIN_COUNTY, "T1")).requirements().stream().filter(r -> r.requirementId().equals("HN-CYCLE")).findFirst().orElseThrow();
        assertEquals(List.of(2021, 2025, 0), List.of(now.fromYear(), now.toYear(), now.earned()));
        var ended = done(transcript.execute(World.XIN_COUNTY, "T1", 2020)).requirements().stream().filter(r -> r.requirementId().equals("HN-CYCLE")).findFirst().orElseThrow();
        assertEquals(List.of(2016, 2020, 150, 210), List.of(ended.fromYear(), ended.toYear(), ended.earned(), ended.shortBy()));
        assertEquals("year", refused(transcript.execute(World.XIN_COUNTY, "T1", 2022)).errors().get(0).field());
        assertEquals("year", refused(transcript.execute(World.XIN_COUNTY, "T1", 1999)).errors().get(0).field());
        assertEquals(Refusal.Kind.FORBIDDEN, refused(transcript.execute(World.GUANGSHAN, "T1", 1999)).kind());
    }
}
