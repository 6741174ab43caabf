package org.teachertraining.core.funding;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.project.Phase;
import org.teachertraining.core.project.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a project may budget at most (F2): each funding standard in effect on its start date, multiplied
 * out over its planned trainees ({@code seats}), classes (⌈seats / classSize⌉) and phases. Exact: rates
 * are whole fen.
 */
public record Ceiling(int trainees, int classes, List<Line> lines, long totalFen) {

    /** @param quantity person-days, person-hours, persons or classes */
    public record Line(String line, String name, StandardUnit unit, long rateFen, long quantity, long amountFen,
                       Set<BudgetCategory> categories, Text explanation) {}

    /**
     * The ceiling, or empty when an amount of it does not fit in a {@code long} of fen (about 92 trillion yuan): rates,
     * seats and days each within their bounds can still multiply out beyond it, and such a ceiling is a typo to correct,
     * not a figure to check a budget against ({@link FundingRefusals#ceilingOutOfRange}).
     */
    public static Optional<Ceiling> of(Project p, List<FundingStandard> standards) {
        int trainees = p.seats();
        int classes = (trainees + p.classSize() - 1) / p.classSize();
        var lines = new ArrayList<Line>();
        long total = 0;
        try {
            for (var s : standards) {
                if (!s.effectiveOn(p.startDate())) continue;
                long perTrainee = units(p.phases(), s);
                long quantity = switch (s.unit()) {
                    case PER_PERSON_DAY, PER_PERSON_HOUR -> Math.multiplyExact(trainees, perTrainee);
                    case PER_PERSON -> trainees;
                    case PER_CLASS -> classes;
                };
                long amount = Math.multiplyExact(quantity, s.rateFen());
                total = Math.addExact(total, amount);
                lines.add(new Line(s.line(), s.name(), s.unit(), s.rateFen(), quantity, amount, s.categories(), explain(s, trainees, classes, perTrainee, amount)));
            }
        } catch (ArithmeticException beyondALong) {
            return Optional.empty();
        }
        return Optional.of(new Ceiling(trainees, classes, lines, total));
    }

    /** Days (per-day units) or hours (per-hour units) a trainee spends in the standard's phases. */
    static long units(List<Phase> phases, FundingStandard s) {
        return phases.stream().filter(ph -> s.phases().contains(ph.kind()))
                .mapToLong(ph -> s.unit() == StandardUnit.PER_PERSON_HOUR ? nz(ph.hours()) : nz(ph.days())).sum();   // ≤ 64 KiB of phases: no overflow
    }

    private static Text explain(FundingStandard s, int trainees, int classes, long perTrainee, long amount) {
        String rate = Money.yuan(s.rateFen()), total = Money.yuan(amount);
        return switch (s.unit()) {
            case PER_PERSON_DAY -> Text.of(trainees + " 人 × " + perTrainee + " 天（" + org.teachertraining.core.common.Labels.list(s.phases()).zh() + "）× " + rate + " 元/人/天 = " + total + " 元",
                    Text.count(trainees, "trainee") + " × " + Text.count(perTrainee, "day") + " (" + org.teachertraining.core.common.Labels.list(s.phases()).en() + ") × " + rate + " yuan/person/day = " + total + " yuan");
            case PER_PERSON_HOUR -> Text.of(trainees + " 人 × " + perTrainee + " 学时（" + org.teachertraining.core.common.Labels.list(s.phases()).zh() + "）× " + rate + " 元/人/学时 = " + total + " 元",
                    Text.count(trainees, "trainee") + " × " + Text.count(perTrainee, "hour") + " (" + org.teachertraining.core.common.Labels.list(s.phases()).en() + ") × " + rate + " yuan/person/hour = " + total + " yuan");
            case PER_PERSON -> Text.of(trainees + " 人 × " + rate + " 元/人 = " + total + " 元", Text.count(trainees, "trainee") + " × " + rate + " yuan = " + total + " yuan");
            case PER_CLASS -> Text.of(classes + " 个班 × " + rate + " 元/班 = " + total + " 元", Text.count(classes, "class") + " × " + rate + " yuan/class = " + total + " yuan");
        };
    }

    private static long nz(Integer i) {
        return i == null ? 0 : i;
    }
}
