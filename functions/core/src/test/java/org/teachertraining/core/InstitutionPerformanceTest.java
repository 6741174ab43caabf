package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.evaluation.InstitutionPerformance;
import org.teachertraining.core.evaluation.InstitutionRanking;
import org.teachertraining.core.evaluation.PerformanceCriterion;
import org.teachertraining.core.evaluation.PerformancePolicy;
import org.teachertraining.core.lifecycle.ProjectFigures;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P1: scores from records, ranks with ties, the elimination rule at its edges, confirmation, publication, the next year's assignment. */
class InstitutionPerformanceTest {
    final World w = new World();
    final InstitutionPerformance performance = new InstitutionPerformance(w.ports.performance, w.ports.programs, w.ports.projects,
            w.ports.lifecycles, new ProjectFigures(w.ports.enrollments, w.ports.quotas, w.ports.submissions, w.ports.lifecycles, w.ports.results, w.tree, w.clock),
            w.ports.institutions, w.access, w.clock);

    /** Only the experts' scores weigh: the ranks follow them exactly. */
    static final Map<String, Integer> EXPERTS_ONLY = weights(100, 0, 0, 0, 0, 0, 0);

    static Map<String, Integer> weights(int... w) {
        var m = new LinkedHashMap<String, Integer>();
        for (var c : PerformanceCriterion.values()) m.put(c.name(), w[c.ordinal()]);
        return m;
    }

    Program program(int year) {
        return done(w.createProgram.execute(World.PROVINCE, new CreateProgram.Command(year, ProgramLevel.PROVINCIAL, year + " 省培", "410000", null)));
    }

    /** A project run by the institution, its completion recorded, scored by one expert. */
    Project completed(Program program, String code, String institution, String category, int expertScore) {
        var c = w.ruralBackbone(code);
        var p = done(w.createProject.execute(World.PROVINCE, program.id(), new CreateProject.Command(c.code(), c.name(), category, c.eligibility(),
                c.phases(), c.totalHours(), c.classSize(), institution, c.selectionCutoff(), c.startDate(), c.endDate(), c.budget(), 10)));
        w.ports.lifecycles.save(ProjectLifecycle.started(p.id(), "arn:" + code, Instant.EPOCH)
                .with(null, null, null, new ProjectLifecycle.CompletionSummary("C-" + code, 0, 0, 0, 0, List.of()), null));
        w.ports.lifecycles.score(p.id(), "expert-1", expertScore, null);
        return p;
    }

    @Test
    void aCriterionWithoutInputIsLeftOutAndTheOthersCarryItsWeight() {
        var program = program(2020);
        var p = completed(program, "P1", "HENU", "乡村教师", 80);
        w.ports.lifecycles.score(p.id(), "expert-2", 90, null);
        var project = done(performance.ranking(World.PROVINCE, program.id())).projects().getFirst();
        // experts 85 (weight 30), deliverables 0 of those due (20), fill/report/completion 0 (5 each): 65 carried;
        // no trainee nor bureau rated it, so those two are left out. 85 × 30 / 65 = 39.23
        assertEquals(new BigDecimal("39.23"), project.score());
        var byCriterion = new LinkedHashMap<PerformanceCriterion, InstitutionRanking.Component>();
        project.components().forEach(c -> byCriterion.put(c.criterion(), c));
        assertEquals(new BigDecimal("85.00"), byCriterion.get(PerformanceCriterion.EXPERT_SUPERVISION).value());
        assertEquals(2, byCriterion.get(PerformanceCriterion.EXPERT_SUPERVISION).inputs());
        assertEquals(new BigDecimal("46.15"), byCriterion.get(PerformanceCriterion.EXPERT_SUPERVISION).effectiveWeight());
        assertNull(byCriterion.get(PerformanceCriterion.TRAINEE_RATINGS).value());
        assertEquals(new BigDecimal("0.00"), byCriterion.get(PerformanceCriterion.STAKEHOLDER_RATINGS).effectiveWeight());

        // a trainee rates it 4 of 5 (80) and a bureau 60: now every criterion counts, with its own weight
        w.ports.lifecycles.rate(p.id(), "r1", 4, null);
        w.ports.lifecycles.rateAsBureau(p.id(), "411500", 60, null, "xy", Instant.EPOCH);
        var again = done(performance.ranking(World.PROVINCE, program.id())).projects().getFirst();
        // (85×30 + 80×20 + 0×20 + 60×15 + 0 + 0 + 0) / 100 = 50.50
        assertEquals(new BigDecimal("50.50"), again.score());
    }

    @Test
    void equalScoresShareARank_andATieAcrossTheCutFlagsNeitherOfTheTied() {
        var program = program(2020);
        done(performance.setPolicy(World.PROVINCE, program.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(1, null)));
        completed(program, "A1", "AAA", "乡村教师", 90);
        completed(program, "B1", "BBB", "乡村教师", 80);
        completed(program, "C1", "CCC", "乡村教师", 70);
        completed(program, "D1", "DDD", "乡村教师", 70);
        var category = done(performance.ranking(World.PROVINCE, program.id())).categories().getFirst();
        assertEquals(List.of(1, 2, 3, 3), category.institutions().stream().map(InstitutionRanking.Standing::rank).toList());
        assertEquals(List.of("AAA", "BBB", "CCC", "DDD"), category.institutions().stream().map(InstitutionRanking.Standing::institutionId).toList());
        assertTrue(category.institutions().stream().noneMatch(InstitutionRanking.Standing::flagged));
        assertTrue(category.note().zh().contains("并列"), category.note().zh());

        done(performance.setPolicy(World.PROVINCE, program.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(2, null)));
        var bottomTwo = done(performance.ranking(World.PROVINCE, program.id())).categories().getFirst();
        assertEquals(List.of("CCC", "DDD"), bottomTwo.institutions().stream().filter(InstitutionRanking.Standing::flagged).map(InstitutionRanking.Standing::institutionId).toList());
        assertNull(bottomTwo.note());

        done(performance.setPolicy(World.PROVINCE, program.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(null, new BigDecimal("80"))));
        var below = done(performance.ranking(World.PROVINCE, program.id())).categories().getFirst();
        // 80 is not below 80
        assertEquals(List.of("CCC", "DDD"), below.institutions().stream().filter(InstitutionRanking.Standing::flagged).map(InstitutionRanking.Standing::institutionId).toList());
    }

    @Test
    void anInstitutionScoresTheMeanOfItsProjects_andACategoryOfOneFlagsNobody() {
        var program = program(2020);
        done(performance.setPolicy(World.PROVINCE, program.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(1, null)));
        completed(program, "A1", "AAA", "乡村教师", 90);
        completed(program, "A2", "AAA", "乡村教师", 75);
        completed(program, "B1", "BBB", "乡村教师", 82);
        completed(program, "B2", "BBB", "信息技术", 10);
        var r = done(performance.ranking(World.PROVINCE, program.id()));
        var rural = r.categories().stream().filter(c -> c.category().equals("乡村教师")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("82.50"), rural.institutions().getFirst().score());
        assertEquals("AAA", rural.institutions().getFirst().institutionId());
        assertEquals(2, rural.institutions().getFirst().projects());
        var it = r.categories().stream().filter(c -> c.category().equals("信息技术")).findFirst().orElseThrow();
        assertFalse(it.institutions().getFirst().flagged());
        assertNotNull(it.note());
        // overall: BBB's mean of 82 and 10 is 46, below AAA; nobody is flagged in the overall ranking
        assertEquals(List.of("AAA", "BBB"), r.overall().institutions().stream().map(InstitutionRanking.Standing::institutionId).toList());
        assertEquals(new BigDecimal("46.00"), r.overall().institutions().get(1).score());
        // the same records give the same ranking
        assertEquals(r, done(performance.ranking(World.PROVINCE, program.id())));
    }

    @Test
    void weightsAreEveryCriterionOnce_summingTo100() {
        var program = program(2020);
        var one = new PerformancePolicy.Elimination(1, null);
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), weights(30, 20, 20, 15, 5, 5, 4), one), "weights", "100");
        var unknown = new LinkedHashMap<>(weights(30, 20, 20, 15, 5, 5, 5));
        unknown.put("BRIBES", 0);
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), unknown, one), "weights.BRIBES", "不是评价指标");
        var missing = new LinkedHashMap<>(weights(30, 20, 20, 15, 5, 5, 5));
        missing.remove("QUOTA_FILL");
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), missing, one), "weights.QUOTA_FILL", "");
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), weights(130, -10, 0, 0, -20, 0, 0), one), "weights.EXPERT_SUPERVISION", "");
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), weights(30, 20, 20, 15, 5, 5, 5), new PerformancePolicy.Elimination(1, BigDecimal.TEN)), "elimination", "");
        assertInvalid(performance.setPolicy(World.PROVINCE, program.id(), weights(30, 20, 20, 15, 5, 5, 5), new PerformancePolicy.Elimination(null, new BigDecimal("60.125"))), "elimination.belowScore", "");
        // a city may not set the province's policy
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(performance.setPolicy(World.XINYANG, program.id(), weights(30, 20, 20, 15, 5, 5, 5), one)).kind());
        assertEquals(PerformancePolicy.defaults(program.id()), done(performance.policy(World.PROVINCE, program.id())));
    }

    @Test
    void theProvinceConfirmsFlags_thenTheNextProgramShowsTheResultAndRefusesTheEliminatedCategoryWithoutAReason() {
        var y2020 = program(2020);
        done(performance.setPolicy(World.PROVINCE, y2020.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(1, null)));
        completed(y2020, "A1", "AAA", "乡村教师", 90);
        completed(y2020, "B1", "BBB", "乡村教师", 60);
        w.accreditHenu();
        var c = w.ruralBackbone("PENDING");
        done(w.createProject.execute(World.PROVINCE, y2020.id(), c));   // HENU's, no completion yet

        var pending = refusal(performance.confirm(World.PROVINCE, y2020.id(), List.of()));
        assertEquals(Refusal.Kind.CONFLICT, pending.kind());
        assertEquals("P1", pending.rule());
        var project = w.ports.projects.ofProgram(y2020.id()).stream().filter(p -> p.code().equals("PENDING")).findFirst().orElseThrow();
        w.ports.lifecycles.save(ProjectLifecycle.started(project.id(), "arn:x", Instant.EPOCH).in(ProjectLifecycle.Phase.CANCELLED, null, Instant.EPOCH));

        assertEquals(Refusal.Kind.CONFLICT, refusal(performance.publish(World.PROVINCE, y2020.id())).kind());   // not confirmed yet
        assertInvalid(performance.confirm(World.PROVINCE, y2020.id(), List.of(new InstitutionPerformance.Flag("AAA", "乡村教师"))), "eliminate[0]", "未被标记");
        var confirmed = done(performance.confirm(World.PROVINCE, y2020.id(), List.of(new InstitutionPerformance.Flag("BBB", "乡村教师"))));
        assertEquals(InstitutionPerformance.Status.CONFIRMED, confirmed.status());
        var bbb = confirmed.categories().getFirst().institutions().get(1);
        assertTrue(bbb.flagged() && bbb.eliminated());
        assertEquals(1, confirmed.unscored().size());
        assertFalse(confirmed.unscored().getFirst().pending());
        assertEquals("河南大学", confirmed.unscored().getFirst().institutionName(), "an unscored project names its institution as the standings do");

        // fixed from now on: a new expert score does not move it, the policy cannot change, a second confirmation is refused
        w.ports.lifecycles.score(w.ports.projects.ofProgram(y2020.id()).stream().filter(p -> p.code().equals("B1")).findFirst().orElseThrow().id(), "expert-9", 100, null);
        assertEquals(confirmed, done(performance.ranking(World.PROVINCE, y2020.id())));
        assertEquals("P1", refusal(performance.setPolicy(World.PROVINCE, y2020.id(), EXPERTS_ONLY, new PerformancePolicy.Elimination(2, null))).rule());
        assertEquals(Refusal.Kind.CONFLICT, refusal(performance.confirm(World.PROVINCE, y2020.id(), List.of())).kind());

        // published only when the province chooses, and without who confirmed it
        assertEquals(Refusal.Kind.NOT_FOUND, refusal(performance.published(y2020.id())).kind());
        done(performance.publish(World.PROVINCE, y2020.id()));
        var published = done(performance.published(y2020.id()));
        assertEquals(List.of("AAA", "BBB"), published.overall().institutions().stream().map(InstitutionRanking.Standing::institutionId).toList());

        // 2021: the assignment screen shows 2020's results; BBB may not run 乡村教师 again without a reason
        var y2021 = program(2021);
        var standing = done(performance.standing(World.PROVINCE, y2021.id()));
        assertEquals(y2020.id(), standing.previous().programId());
        assertEquals(List.of("AAA", "BBB"), standing.institutions().stream().map(InstitutionPerformance.PreviousResult::institutionId).toList());
        assertTrue(standing.institutions().get(1).categories().getFirst().eliminated());
        assertEquals(1, standing.eliminations().size());

        var again = w.ruralBackbone("R2021");
        var asBbb = new CreateProject.Command(again.code(), again.name(), "乡村教师", again.eligibility(), again.phases(), again.totalHours(),
                again.classSize(), "BBB", again.selectionCutoff(), again.startDate(), again.endDate(), again.budget(), 10, null, null, null);
        var refused = refusal(w.createProject.execute(World.PROVINCE, y2021.id(), asBbb));
        assertEquals("P1", refused.rule());
        assertTrue(refused.message().zh().contains("末位淘汰"), refused.message().zh());
        // nor under its ID in another case, registered or not (BBB is not): "bbb" is the institution eliminated
        var asLowerBbb = new CreateProject.Command(again.code(), again.name(), "乡村教师", again.eligibility(), again.phases(), again.totalHours(),
                again.classSize(), "bbb", again.selectionCutoff(), again.startDate(), again.endDate(), again.budget(), 10);
        assertEquals("P1", refusal(w.createProject.execute(World.PROVINCE, y2021.id(), asLowerBbb)).rule());
        assertInvalid(w.createProject.execute(World.PROVINCE, y2021.id(), withOverride(asBbb, "太短")), "eliminationOverride", "");
        var overridden = done(w.createProject.execute(World.PROVINCE, y2021.id(), withOverride(asBbb, "该机构已完成整改，经厅党组研究同意继续承担")));
        assertEquals(y2020.id(), overridden.assignmentOverride().eliminatedIn());
        assertEquals("p", overridden.assignmentOverride().by());
        // another category, or another institution, needs no reason
        var other = new CreateProject.Command("IT2021", again.name(), "信息技术", again.eligibility(), again.phases(), again.totalHours(),
                again.classSize(), "BBB", again.selectionCutoff(), again.startDate(), again.endDate(), again.budget(), 10);
        assertNull(done(w.createProject.execute(World.PROVINCE, y2021.id(), other)).assignmentOverride());
    }

    @Test
    void aCityReadsNeitherTheProvincesRankingNorItsStanding_andAnExpertNothing() {
        var program = program(2020);
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(performance.ranking(World.XINYANG, program.id())).kind());
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(performance.standing(World.ZHENGZHOU, program.id())).kind());
        var expert = new org.teachertraining.core.identity.Caller("e", org.teachertraining.core.identity.Role.EXPERT, null, null, null);
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(performance.ranking(expert, program.id())).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refusal(performance.ranking(World.PROVINCE, "no-such-program")).kind());
    }

    static CreateProject.Command withOverride(CreateProject.Command c, String reason) {
        return new CreateProject.Command(c.code(), c.name(), c.category(), c.eligibility(), c.phases(), c.totalHours(), c.classSize(), c.institutionId(),
                c.selectionCutoff(), c.startDate(), c.endDate(), c.budget(), c.seats(), null, null, reason);
    }

    static void assertInvalid(Outcome<?> outcome, String field, String says) {
        var r = refusal(outcome);
        assertEquals(Refusal.Kind.INVALID, r.kind(), r.toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.field().equals(field) && (e.message().zh() + e.message().en()).contains(says)), r.errors().toString());
    }

    static Refusal refusal(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Refused.class, outcome).refusal();
    }

    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> r) throw new AssertionError(r.refusal().toString());
        return ((Outcome.Done<T>) outcome).value();
    }
}
