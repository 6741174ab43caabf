package org.teachertraining.core.evaluation;

import org.teachertraining.core.common.Text;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.project.Project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * P1, the arithmetic of the ranking, from figures to ranks; nothing here reads a store. A project's score is the
 * weighted mean of its criteria that have an input (a criterion nobody gave an input for, such as ratings no trainee
 * gave, is left out and the other weights carry its share); an institution's score is the mean of its projects'
 * scores. Scores have 2 decimals, rounded half up. Equal scores share a rank (1, 2, 2, 4) and are listed by institution ID.
 */
public final class InstitutionRanking {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One criterion of a project: its value (0–100, null without input), how many inputs gave it, its weight, its share after left-out criteria, its points. */
    public record Component(PerformanceCriterion criterion, BigDecimal value, Integer inputs, int weight, BigDecimal effectiveWeight, BigDecimal points) {}

    public record ProjectScore(String projectId, String code, String name, String category, String institutionId, BigDecimal score, List<Component> components) {}

    /** An institution's place in one ranking. {@code flagged}: the province's rule marks it for elimination; {@code eliminated}: the province confirmed it. */
    public record Standing(String institutionId, String name, BigDecimal score, int rank, int of, int projects, boolean flagged, boolean eliminated) {}

    /** A category's ranking; {@code note} says why the rule flagged fewer than it names (too few institutions, a tie at the cut). */
    public record CategoryRanking(String category, List<Standing> institutions, Text note) {}

    private InstitutionRanking() {}

    /** A project's score from its figures and the sending bureaus' ratings; null score when no weighted criterion has an input. */
    public static ProjectScore score(Project p, ProjectLifecycle.Evaluation e, List<Integer> bureauRatings, Map<PerformanceCriterion, Integer> weights) {
        var values = new LinkedHashMap<PerformanceCriterion, BigDecimal>();
        var inputs = new LinkedHashMap<PerformanceCriterion, Integer>();
        values.put(PerformanceCriterion.EXPERT_SUPERVISION, e.expertScore());
        inputs.put(PerformanceCriterion.EXPERT_SUPERVISION, e.expertScores());
        values.put(PerformanceCriterion.TRAINEE_RATINGS, e.traineeRating() == null ? null : e.traineeRating().multiply(BigDecimal.valueOf(20)).setScale(2, RoundingMode.HALF_UP));
        inputs.put(PerformanceCriterion.TRAINEE_RATINGS, e.traineeRatings());
        values.put(PerformanceCriterion.DELIVERABLES, e.deliverablesRequired() == 0 ? null
                : BigDecimal.valueOf(e.deliverablesAcceptedOnTime()).multiply(HUNDRED).divide(BigDecimal.valueOf(e.deliverablesRequired()), 2, RoundingMode.HALF_UP));
        inputs.put(PerformanceCriterion.DELIVERABLES, e.deliverablesRequired());
        values.put(PerformanceCriterion.STAKEHOLDER_RATINGS, org.teachertraining.core.lifecycle.ProjectFigures.average(bureauRatings));
        inputs.put(PerformanceCriterion.STAKEHOLDER_RATINGS, bureauRatings.size());
        values.put(PerformanceCriterion.QUOTA_FILL, capped(e.fillRate()));
        values.put(PerformanceCriterion.REPORT_RATE, capped(e.reportRate()));
        values.put(PerformanceCriterion.COMPLETION_RATE, capped(e.completionRate()));

        int carried = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (var c : PerformanceCriterion.values()) {
            if (values.get(c) != null && weights.get(c) > 0) {
                carried += weights.get(c);
                sum = sum.add(values.get(c).multiply(BigDecimal.valueOf(weights.get(c))));
            }
        }
        var components = new ArrayList<Component>();
        for (var c : PerformanceCriterion.values()) {
            var value = values.get(c);
            int w = weights.get(c);
            boolean counts = value != null && w > 0 && carried > 0;
            components.add(new Component(c, value, inputs.get(c), w,
                    counts ? BigDecimal.valueOf(w).multiply(HUNDRED).divide(BigDecimal.valueOf(carried), 2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2),
                    counts ? value.multiply(BigDecimal.valueOf(w)).divide(BigDecimal.valueOf(carried), 2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2)));
        }
        var score = carried == 0 ? null : sum.divide(BigDecimal.valueOf(carried), 2, RoundingMode.HALF_UP);
        return new ProjectScore(p.id(), p.code(), p.name(), p.category(), p.institutionId(), score, components);
    }

    /**
     * The institutions of these projects ranked by the mean of their projects' scores; {@code rule} null for a ranking
     * that flags nobody (the program's overall ranking), {@code eliminated} the flags the province confirmed.
     */
    public static CategoryRanking rank(String category, List<ProjectScore> projects, Function<String, String> names,
                                       PerformancePolicy.Elimination rule, Set<String> eliminated) {
        var byInstitution = new LinkedHashMap<String, List<BigDecimal>>();
        for (var p : projects) byInstitution.computeIfAbsent(p.institutionId(), k -> new ArrayList<>()).add(p.score());
        record Mean(String institutionId, BigDecimal score, int projects) {}
        var means = new ArrayList<Mean>();
        byInstitution.forEach((id, scores) -> means.add(new Mean(id,
                scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP), scores.size())));
        means.sort(Comparator.comparing(Mean::score).reversed().thenComparing(Mean::institutionId));
        int n = means.size();
        Text note = null;
        if (rule != null && rule.bottom() != null && rule.bottom() > 0 && n <= rule.bottom()) {
            note = Text.of("只有 " + n + " 家承训机构，不足以淘汰末位 " + rule.bottom() + " 家，未标记",
                    "Only " + Text.count(n, "institution") + ": too few to flag the bottom " + rule.bottom() + "; none flagged");
        }
        var standings = new ArrayList<Standing>();
        for (var m : means) {
            int rank = 1 + (int) means.stream().filter(o -> o.score().compareTo(m.score()) > 0).count();
            boolean flagged = rule != null && (rule.bottom() != null ? rule.bottom() > 0 && n > rule.bottom() && rank > n - rule.bottom()
                    : m.score().compareTo(rule.belowScore()) < 0);
            standings.add(new Standing(m.institutionId(), names.apply(m.institutionId()), m.score(), rank, n, m.projects(), flagged,
                    flagged && eliminated.contains(m.institutionId())));
        }
        if (rule != null && rule.bottom() != null && rule.bottom() > 0 && n > rule.bottom()) {
            long flaggedCount = standings.stream().filter(Standing::flagged).count();
            if (flaggedCount < rule.bottom()) {
                note = Text.of("第 " + (n - rule.bottom()) + " 名与其后的机构得分相同，并列者均不标记，只标记 " + flaggedCount + " 家",
                        "A tie across the cut at place " + (n - rule.bottom()) + ": the tied are not flagged, " + flaggedCount + " flagged");
            }
        }
        return new CategoryRanking(category, List.copyOf(standings), note);
    }

    private static BigDecimal capped(BigDecimal percent) {
        return percent == null ? null : percent.min(HUNDRED.setScale(2));
    }
}
