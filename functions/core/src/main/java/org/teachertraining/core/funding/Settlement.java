package org.teachertraining.core.funding;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.project.Project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What a project may settle after training, from who actually attended: registered trainees × days
 * attended × the per-day standard, online hours completed × the per-hour rate, and so on; capped by the
 * approved budget; compared with the institution's claim, and the difference explained. It settles the
 * smaller of claim and settleable amount.
 */
public record Settlement(String projectId, int registered, int noShows, int partial, List<Line> lines, long attendanceFen,
                         long approvedBudgetFen, long settleableFen, long claimFen, long settledFen, long differenceFen,
                         List<Text> explanation, String settledBy, Instant settledAt) {

    /** {@code line}: the standard's code; {@code name}: its name (集中培训), null on settlements stored before it was kept. */
    public record Line(String line, String name, StandardUnit unit, long quantity, long rateFen, long amountFen, Text explanation) {}

    /**
     * @param trainees   the teachers holding a seat at the end of training
     * @param attendance what was recorded; a trainee without a record attended nothing (a no-show)
     * @throws ArithmeticException when an amount does not fit in a {@code long} of fen (standards changed since the
     *                             budget's check to rates beyond reckoning)
     */
    public static Settlement compute(Project p, List<FundingStandard> standards, List<String> trainees, List<Attendance> attendance,
                                     long approvedBudgetFen, long claimFen, String by, Instant at) {
        var byTeacher = new HashMap<String, Attendance>();
        attendance.forEach(a -> byTeacher.put(a.teacherId(), a));
        var effective = standards.stream().filter(s -> s.effectiveOn(p.startDate())).toList();
        long plannedDays = effective.stream().filter(s -> s.unit() == StandardUnit.PER_PERSON_DAY).mapToLong(s -> Ceiling.units(p.phases(), s)).sum();
        long plannedHours = effective.stream().filter(s -> s.unit() == StandardUnit.PER_PERSON_HOUR).mapToLong(s -> Ceiling.units(p.phases(), s)).sum();
        int noShows = 0, partial = 0, attended = 0;
        for (String t : trainees) {
            var a = byTeacher.getOrDefault(t, new Attendance(t, 0, 0));
            if (a.daysAttended() == 0 && a.onlineHours() == 0) noShows++;
            else {
                attended++;
                if (a.daysAttended() < plannedDays || a.onlineHours() < plannedHours) partial++;
            }
        }
        var lines = new ArrayList<Line>();
        // per-day lines take each trainee's attended days in the order the standards list them, each up to its planned days
        var daysLeft = new HashMap<String, Long>();
        var hoursLeft = new HashMap<String, Long>();
        for (String t : trainees) {
            var a = byTeacher.getOrDefault(t, new Attendance(t, 0, 0));
            daysLeft.put(t, a.daysAttended().longValue());
            hoursLeft.put(t, a.onlineHours().longValue());
        }
        int classes = (trainees.size() + p.classSize() - 1) / p.classSize();
        for (var s : effective) {
            long planned = Ceiling.units(p.phases(), s);
            long quantity = 0;
            switch (s.unit()) {
                case PER_PERSON_DAY, PER_PERSON_HOUR -> {
                    var left = s.unit() == StandardUnit.PER_PERSON_DAY ? daysLeft : hoursLeft;
                    for (String t : trainees) {
                        long used = Math.min(planned, left.get(t));
                        left.put(t, left.get(t) - used);
                        quantity += used;
                    }
                }
                case PER_PERSON -> quantity = attended;
                case PER_CLASS -> quantity = attended == 0 ? 0 : classes;
            }
            long amount = Math.multiplyExact(quantity, s.rateFen());
            String unit = switch (s.unit()) {
                case PER_PERSON_DAY -> "人天|person-days";
                case PER_PERSON_HOUR -> "人·学时|person-hours";
                case PER_PERSON -> "人|trainees attending";
                case PER_CLASS -> "班|classes";
            };
            String[] u = unit.split("\\|");
            lines.add(new Line(s.line(), s.name(), s.unit(), quantity, s.rateFen(), amount, Text.of(
                    s.name() + "：实到 " + quantity + " " + u[0] + " × " + Money.yuan(s.rateFen()) + " 元 = " + Money.yuan(amount) + " 元",
                    s.line() + ": " + quantity + " " + u[1] + " attended × " + Money.yuan(s.rateFen()) + " yuan = " + Money.yuan(amount) + " yuan")));
        }
        long attendanceFen = lines.stream().mapToLong(Line::amountFen).reduce(0, Math::addExact);
        long settleable = Math.min(attendanceFen, approvedBudgetFen);
        long settled = Math.min(claimFen, settleable);
        var why = new ArrayList<Text>();
        why.add(Text.of("报到学员 " + trainees.size() + " 人，未参训 " + noShows + " 人，部分参训 " + partial + " 人",
                trainees.size() + " registered trainees: " + noShows + " no-shows, " + partial + " attended in part"));
        why.add(Text.of("按实际参训核定 " + Money.yuan(attendanceFen) + " 元", "Attendance supports " + Money.yuan(attendanceFen) + " yuan"));
        if (attendanceFen > approvedBudgetFen) {
            why.add(Text.of("超出批准预算，按预算 " + Money.yuan(approvedBudgetFen) + " 元封顶", "Capped at the approved budget of " + Money.yuan(approvedBudgetFen) + " yuan"));
        }
        long difference = claimFen - settleable;
        if (difference > 0) {
            why.add(Text.of("申报 " + Money.yuan(claimFen) + " 元，超出可结算额 " + Money.yuan(difference) + " 元，按 " + Money.yuan(settled) + " 元结算",
                    "Claimed " + Money.yuan(claimFen) + " yuan, " + Money.yuan(difference) + " more than attendance supports; settled at " + Money.yuan(settled)));
        } else if (difference < 0) {
            why.add(Text.of("申报 " + Money.yuan(claimFen) + " 元，低于可结算额 " + Money.yuan(-difference) + " 元，按申报额结算",
                    "Claimed " + Money.yuan(claimFen) + " yuan, " + Money.yuan(-difference) + " less than attendance supports; settled as claimed"));
        } else {
            why.add(Text.of("申报额与可结算额一致", "The claim equals what attendance supports"));
        }
        return new Settlement(p.id(), trainees.size(), noShows, partial, lines, attendanceFen, approvedBudgetFen, settleable, claimFen, settled,
                difference, why, by, at);
    }
}
