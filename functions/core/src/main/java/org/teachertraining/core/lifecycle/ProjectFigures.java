package org.teachertraining.core.lifecycle;

import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.ProjectResult;
import org.teachertraining.core.credit.ProjectResults;
import org.teachertraining.core.common.Percent;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.submission.Submissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * P1, one project's figures from the platform's records: fill, report and completion rates, deliverables accepted
 * on time, the trainees' anonymous ratings and the experts' scores. The lifecycle's evaluation step stores them;
 * the institutions' ranking reads them again, from the same records.
 */
public final class ProjectFigures {
    private final Enrollments enrollments;
    private final Quotas quotas;
    private final Submissions submissions;
    private final Lifecycles lifecycles;
    private final ProjectResults results;
    private final JurisdictionTree tree;
    private final Clock clock;

    public ProjectFigures(Enrollments enrollments, Quotas quotas, Submissions submissions, Lifecycles lifecycles, ProjectResults results,
                          JurisdictionTree tree, Clock clock) {
        this.enrollments = enrollments;
        this.quotas = quotas;
        this.submissions = submissions;
        this.lifecycles = lifecycles;
        this.results = results;
        this.tree = tree;
        this.clock = clock;
    }

    /**
     * The completion and report rates count every trainee's result, whatever completion recorded it: a project of more
     * than 100 trainees is recorded as several completions (100 at most each), and a project of several classes often
     * class by class. Until 2026-12-07 they counted the first completion only, the one the lifecycle waited for: a
     * project of 1,000 recorded as ten completions had a completion rate of 10%.
     */
    public ProjectLifecycle.Evaluation of(Project p, ProjectLifecycle lc) {
        int seats = p.seats() != null ? p.seats() : lc.fillRates().stream().mapToInt(ProjectLifecycle.FillRate::seats).max().orElse(0);
        int enrolled = quotas.enrolled(p.id());
        var recorded = results.ofProject(p.id());
        var outcomes = recorded.stream().map(ProjectResult::outcome).toList();
        long passed = outcomes.stream().filter(o -> o == Completion.Outcome.PASSED).count();
        long reported = outcomes.stream().filter(o -> o != Completion.Outcome.NO_SHOW).count();
        var due = Deliverables.derive(p, submissions.classes(p.id()), enrolled, submissions.ofProject(p.id()), clock.instant());
        var ratings = lifecycles.ratings(p.id());
        var scores = lifecycles.expertScores(p.id());
        return new ProjectLifecycle.Evaluation(percent(enrolled, seats), percent(reported, enrolled), percent(passed, enrolled),
                due.stream().mapToInt(Deliverables.Deliverable::required).sum(),
                due.stream().mapToInt(d -> Math.min(d.accepted(), d.required())).sum(),
                average(ratings), ratings.size(), average(scores), scores.size(), reportRates(p.id(), lc, recorded));
    }

    /** Report rates per jurisdiction of the fill rates: its trainees (holding a seat) and those whose outcome is not a no-show. */
    private List<ProjectLifecycle.ReportRate> reportRates(String projectId, ProjectLifecycle lc, List<ProjectResult> recorded) {
        var noShows = new HashSet<String>();
        recorded.stream().filter(r -> r.outcome() == Completion.Outcome.NO_SHOW).forEach(r -> noShows.add(r.teacherId()));
        var trainees = enrollments.holdingSeats(projectId);
        var rates = new ArrayList<ProjectLifecycle.ReportRate>();
        for (var f : lc.fillRates()) {
            var mine = trainees.stream().filter(e -> tree.isWithin(e.jurisdiction(), f.jurisdiction())).toList();
            int reported = (int) mine.stream().filter(e -> !noShows.contains(e.teacherId())).count();
            rates.add(new ProjectLifecycle.ReportRate(f.jurisdiction(), mine.size(), reported, percent(reported, mine.size())));
        }
        return rates;
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : Percent.of(part, whole, 2);
    }

    /** The mean, 2 decimals; null when nothing was given. */
    public static BigDecimal average(List<Integer> values) {
        if (values.isEmpty()) return null;
        return BigDecimal.valueOf(values.stream().mapToInt(Integer::intValue).sum()).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
