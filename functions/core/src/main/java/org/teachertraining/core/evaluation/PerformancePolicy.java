package org.teachertraining.core.evaluation;

import org.teachertraining.core.common.Violations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * P1: how a program's institutions are scored and who is flagged for elimination (末位淘汰), the province's data per
 * program. {@code weights} has every criterion, 0–100 each, summing to 100. The rule flags, in each project category,
 * either the bottom {@code bottom} institutions or those scoring below {@code belowScore} (exactly one of the two).
 */
public record PerformancePolicy(String programId, Map<PerformanceCriterion, Integer> weights, Elimination elimination, String setBy, Instant setAt) {

    public record Elimination(Integer bottom, BigDecimal belowScore) {}

    public PerformancePolicy {
        weights = new EnumMap<>(weights);
    }

    /** The seeds' criteria with the platform's weights, and the bottom institution of each category flagged. */
    public static PerformancePolicy defaults(String programId) {
        var w = new EnumMap<PerformanceCriterion, Integer>(PerformanceCriterion.class);
        for (var c : PerformanceCriterion.values()) w.put(c, c.defaultWeight);
        return new PerformancePolicy(programId, w, new Elimination(1, null), null, null);
    }

    /** Validates what a client sent: every criterion named once, known, 0–100, summing to 100; one elimination rule. */
    public static Map<PerformanceCriterion, Integer> weights(Violations v, Map<String, Integer> sent) {
        var weights = new EnumMap<PerformanceCriterion, Integer>(PerformanceCriterion.class);
        if (!v.required("weights", sent)) return weights;
        if (sent.size() > 20) {
            v.add("weights", "评价指标只有 " + PerformanceCriterion.values().length + " 项", "has " + PerformanceCriterion.values().length + " criteria, not " + sent.size());
            return weights;
        }
        var known = new LinkedHashMap<String, PerformanceCriterion>();
        for (var c : PerformanceCriterion.values()) known.put(c.name(), c);
        for (var e : sent.entrySet()) {
            var c = known.get(e.getKey());
            String field = "weights." + org.teachertraining.core.common.PlainText.quote(e.getKey());
            if (c == null) {
                v.notOneOf(field, org.teachertraining.core.common.Text.of("不是评价指标", "is not a criterion"), PerformanceCriterion.class);
            } else if (v.required(field, e.getValue())) {
                v.range(field, e.getValue(), 0, 100);
                weights.put(c, e.getValue());
            }
        }
        for (var c : PerformanceCriterion.values()) {
            if (!sent.containsKey(c.name())) v.add("weights." + c.name(), "缺少该指标的权重（可为 0）", "is missing (0 is allowed)");
        }
        int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (weights.size() == PerformanceCriterion.values().length && sum != 100) {
            v.add("weights", "各项权重之和须为 100，现为 " + sum, "must sum to 100, not " + sum);
        }
        return weights;
    }

    static void elimination(Violations v, Elimination e) {
        if (!v.required("elimination", e)) return;
        if ((e.bottom() == null) == (e.belowScore() == null)) {
            v.add("elimination", "须且只能给出 bottom（末位几名）或 belowScore（低于某分）之一", "needs exactly one of bottom and belowScore");
            return;
        }
        v.range("elimination.bottom", e.bottom(), 0, 100);
        if (e.belowScore() != null && (e.belowScore().signum() < 0 || e.belowScore().compareTo(BigDecimal.valueOf(100)) > 0 || e.belowScore().scale() > 2)) {
            v.add("elimination.belowScore", "须在 0–100 之间，最多两位小数", "must be 0-100 with at most 2 decimals");
        }
    }
}
