package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.ProjectResult;
import org.teachertraining.core.lifecycle.ProjectFigures;
import org.teachertraining.core.lifecycle.ProjectLifecycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teachertraining.core.World.done;

/**
 * P1: a project's completion and report rates count every trainee's result, whatever completion recorded it. A project
 * of more than 100 trainees is recorded as several completions (100 at most each), and one of several classes often
 * class by class; the rates counted the first completion only, the one the lifecycle waited for.
 */
class ProjectFiguresTest {
    final World w = new World();

    @Test
    void p1_theRatesCountTheResultsOfEveryCompletion() {
        var p = w.projectWithCountySeats(4);
        for (var t : List.of("F1", "F2", "F3", "F4")) {
            w.addTeacher(t, "411523");
            done(w.enroll.execute(World.XIN_COUNTY, p.id(), t, null));
        }
        var first = completion(p.id(), "CLASS-1", Map.of("F1", Completion.Outcome.PASSED, "F2", Completion.Outcome.FAILED));
        var second = completion(p.id(), "CLASS-2", Map.of("F3", Completion.Outcome.PASSED, "F4", Completion.Outcome.NO_SHOW));
        for (var c : List.of(first, second)) w.ports.results.claim(c.results().stream().map(r -> ProjectResult.of(c, r)).toList());
        // the lifecycle went on with the first completion, as it does
        var summary = new ProjectLifecycle.CompletionSummary("CLASS-1", 1, 1, 0, 0,
                List.of(new ProjectLifecycle.CompletionSummary.Outcome("F1", "PASSED"), new ProjectLifecycle.CompletionSummary.Outcome("F2", "FAILED")));
        var lc = ProjectLifecycle.started(p.id(), "arn:exec", w.clock.instant())
                .with(null, List.of(new ProjectLifecycle.FillRate("411523", 4, 4, 0, new BigDecimal("100.00"))), null, summary, null);

        var figures = new ProjectFigures(w.ports.enrollments, w.ports.quotas, w.ports.submissions, w.ports.lifecycles, w.ports.results, w.tree, w.clock)
                .of(p, lc);
        assertEquals(new BigDecimal("75.00"), figures.reportRate(), "F1, F2 and F3 came (F4 a no-show), of 4; 50% from the first alone");
        assertEquals(new BigDecimal("50.00"), figures.completionRate(), "F1 and F3 passed, of 4; 25% from the first alone");
        var county = figures.reportRates().getFirst();
        assertEquals(List.of("411523", 4, 3), List.of(county.jurisdiction(), county.enrolled(), county.reported()));
    }

    static Completion completion(String projectId, String id, Map<String, Completion.Outcome> outcomes) {
        var results = outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Completion.Result(e.getKey(), e.getValue(),
                e.getValue() == Completion.Outcome.PASSED ? Map.of(CreditCategory.CENTRALIZED, 40) : Map.of(), null)).toList();
        return new Completion(id, projectId, "HENU", results, "henu", java.time.Instant.parse("2020-11-01T02:00:00Z"));
    }
}
