package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.integrity.IntegrityRecord;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(1, first.credited());
        assertEquals(1, first.integrityRecords());
        for (int i = 0; i < 4; i++) assertEquals(1, done(post.execute(c)).alreadyPosted());
        assertEquals(2, w.ports.ledger.ofTeacher("T1").size());
        assertEquals(150, w.ports.hours.creditedIn("T1", 2020));
        var ban = w.ports.integrity.ofTeacher("T2").get(0);
        assertEquals(IntegrityRecord.Kind.NO_SHOW, ban.kind());
        assertEquals(java.time.LocalDate.of(2023, 10, 27), ban.bannedUntil());
        // one certificate for the passed trainee, however often the completion came
        assertEquals(1, w.ports.certificateMap.size());
        var certificate = w.ports.certificateMap.values().iterator().next();
        assertEquals(org.teachertraining.core.certificate.Certificate.codeFor("C-2020-1", "T1"), certificate.code());
        assertEquals(150, certificate.hours());
        assertEquals("王芳", certificate.teacherName());
        assertEquals("王*", certificate.maskedName());
        assertEquals(16, certificate.code().length());
    }

    @Test
    void aBadCompletionWritesNothing() {
        String p = projectWithTrainees("T1");
        var r = refused(post.execute(completion(p, List.of(
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null),
                new Completion.Result("NOBODY", Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 10), null),
                new Completion.Result("T1", Completion.Outcome.PASSED, Map.of(CreditCategory.ONLINE, -5), null)))));
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals("results[1].teacherId")), r.toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals("results[2].hours.ONLINE")), r.toString());
        assertTrue(w.ports.ledger.ofTeacher("T1").isEmpty());
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
}
