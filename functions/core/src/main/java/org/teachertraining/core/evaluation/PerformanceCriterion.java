package org.teachertraining.core.evaluation;

/**
 * P1: what an institution's projects are scored on, each on a scale of 0–100. The first four are the evaluation
 * modes the Henan 2021 reform names (专家过程视导评价、学员网络匿名评价、培训成果质量评价、相关利益群体评价), the last three
 * the rates the 2020 notice counts (名额完成率、报到率, and completion). {@code defaultWeight} is the platform's
 * reading of them when the province set none (the sources name the criteria, not their weights).
 */
public enum PerformanceCriterion {
    /** the assigned experts' scores, 0–100, averaged */
    EXPERT_SUPERVISION(30),
    /** the trainees' anonymous ratings, 1–5, averaged, × 20 */
    TRAINEE_RATINGS(20),
    /** deliverables accepted on time (S1–S4) over those required, in percent */
    DELIVERABLES(20),
    /** the sending bureaus' ratings, 0–100, averaged */
    STAKEHOLDER_RATINGS(15),
    /** enrolled over seats, in percent */
    QUOTA_FILL(5),
    /** who came over who was enrolled, in percent */
    REPORT_RATE(5),
    /** who passed over who was enrolled, in percent */
    COMPLETION_RATE(5);

    public final int defaultWeight;

    PerformanceCriterion(int defaultWeight) {
        this.defaultWeight = defaultWeight;
    }
}
