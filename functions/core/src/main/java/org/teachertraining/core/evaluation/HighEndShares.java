package org.teachertraining.core.evaluation;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.credit.ProjectResults;
import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * T1, the high-end training shares: in each cycle the province trains 4%, each city 7%, each county 20% of its
 * full-time teachers in high-end (backbone) training. Full-time teacher counts are the bureaus' data, per unit and
 * year; a unit's trained teachers are those who passed (a posted PASSED result) a high-end project its own programs ran in the cycle
 * (each teacher once). Target = ⌈share × full-time teachers⌉ of the cycle's latest count; on pace when the trained
 * reach the target's part for the cycle's years gone by (⌈target × years elapsed / cycle years⌉).
 */
public final class HighEndShares implements org.teachertraining.core.notification.ReminderSource {
    /** Port: full-time teacher counts (专任教师数) per unit and year. */
    public interface TeacherCounts {
        void set(TeacherCount count);

        Optional<TeacherCount> find(String jurisdiction, int year);

        /** Every unit's count for a year (for the reminders). */
        List<TeacherCount> ofYear(int year);
    }

    public record TeacherCount(String jurisdiction, int year, int fullTime, String by, Instant at) {}

    public record Share(String jurisdiction, String name, Jurisdiction.Level level, int percent, int cycleFrom, int cycleTo,
                        Integer fullTimeTeachers, Integer countYear, int trained, Integer target, Integer shortfall,
                        Integer expectedByNow, Boolean behindPace) {}

    public record Shares(String jurisdiction, int cycleFrom, int cycleTo, Share unit, List<Share> children) {}

    private static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN};
    static final int MAX_TEACHERS = 5_000_000;

    private final TeacherCounts counts;
    private final Programs programs;
    private final Projects projects;
    private final Enrollments enrollments;
    private final ProjectResults results;
    private final RequirementBook requirements;
    private final Access access;
    private final Clock clock;

    public HighEndShares(TeacherCounts counts, Programs programs, Projects projects, Enrollments enrollments, ProjectResults results,
                         RequirementBook requirements, Access access, Clock clock) {
        this.results = results;
        this.counts = counts;
        this.programs = programs;
        this.projects = projects;
        this.enrollments = enrollments;
        this.requirements = requirements;
        this.access = access;
        this.clock = clock;
    }

    /** The share each level owes (T1), in percent. */
    public static int percent(Jurisdiction.Level level) {
        return switch (level) {
            case PROVINCE -> 4;
            case CITY -> 7;
            case COUNTY -> 20;
            case SCHOOL -> 0;
        };
    }

    /** A unit's full-time teachers for a year, recorded by its admins or those above. */
    public Outcome<TeacherCount> setCount(Caller caller, String code, Integer year, Integer fullTime) {
        var v = new Violations();
        JurisdictionResults.unitOf(access.tree(), code, v);
        if (v.required("year", year)) JurisdictionResults.planYear(year, v);
        if (v.required("fullTime", fullTime)) v.range("fullTime", fullTime, 0, MAX_TEACHERS);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var count = new TeacherCount(code, year, fullTime, caller.userId(), clock.instant());
        counts.set(count);
        return Outcome.done(count);
    }

    /** The unit's share for the cycle holding {@code year} (this year by default), and those of the units one level below it. */
    public Outcome<Shares> of(Caller caller, String code, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var tree = access.tree();
        var v = new Violations();
        var unit = JurisdictionResults.unitOf(tree, code, v);
        if (year != null) JurisdictionResults.planYear(year, v);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, code, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        int[] cycle = cycle(code, year == null ? ChinaTime.today(clock).getYear() : year);
        var children = tree.children(code).stream().filter(j -> j.level() != Jurisdiction.Level.SCHOOL).map(j -> share(j, cycle)).toList();
        return Outcome.done(new Shares(code, cycle[0], cycle[1], share(unit.get(), cycle), children));
    }

    /** The cycle of the unit's requirement for all teachers (C3) that holds {@code year}; without one, five years from {@code year}. */
    int[] cycle(String code, int year) {
        return requirements.inForceFor(code, year).commonCycle(access.tree().selfAndAncestors(code))
                .map(r -> Requirements.cycle(r, r.anchorYear(), year)).orElse(new int[]{year, year + 4});
    }

    Share share(Jurisdiction unit, int[] cycle) {
        int percent = percent(unit.level());
        int thisYear = ChinaTime.today(clock).getYear();
        TeacherCount count = null;
        for (int y = Math.min(cycle[1], thisYear); y >= cycle[0] && count == null; y--) count = counts.find(unit.code(), y).orElse(null);
        if (count == null) count = counts.find(unit.code(), cycle[0] - 1).orElse(null);   // the count the cycle started from
        Set<String> trained = new HashSet<>();
        for (int y = cycle[0]; y <= cycle[1]; y++) {
            for (var program : programs.allOfYear(y, Set.of(unit.code()))) {
                for (var p : projects.ofProgram(program.id())) {
                    if (!p.highEnd()) continue;
                    var passed = results.passedIn(p.id());   // posted PASSED results (C5)
                    if (passed.isEmpty()) continue;
                    String cursor = null;
                    do {
                        var page = enrollments.ofProject(p.id(), JurisdictionTree.subtreePrefix(p.ownerJurisdiction()), null, cursor, 100);
                        page.items().stream().filter(e -> e.status().holdsSeat() && passed.contains(e.teacherId())).forEach(e -> trained.add(e.teacherId()));
                        cursor = page.nextCursor();
                    } while (cursor != null);
                }
            }
        }
        Integer fullTime = count == null ? null : count.fullTime();
        Integer target = fullTime == null ? null : (int) Math.ceil(fullTime * percent / 100.0);
        int years = cycle[1] - cycle[0] + 1;
        int elapsed = Math.max(0, Math.min(years, thisYear - cycle[0] + 1));
        Integer expected = target == null ? null : (int) Math.ceil((double) target * elapsed / years);
        return new Share(unit.code(), unit.name(), unit.level(), percent, cycle[0], cycle[1], fullTime, count == null ? null : count.year(),
                trained.size(), target, target == null ? null : Math.max(0, target - trained.size()), expected,
                expected == null ? null : trained.size() < expected);
    }

    /**
     * On 1 July, each unit with a full-time count for the year whose high-end training is behind pace for its cycle
     * is told, in its admins' inbox, how far behind it is (one reminder per unit and year).
     */
    @Override
    public List<Notification> on(LocalDate day, Instant at) {
        if (day.getMonthValue() != 7 || day.getDayOfMonth() != 1) return List.of();
        var out = new ArrayList<Notification>();
        for (var count : counts.ofYear(day.getYear())) {
            var unit = access.tree().find(count.jurisdiction());
            if (unit.isEmpty()) continue;
            var s = share(unit.get(), cycle(count.jurisdiction(), day.getYear()));
            if (!Boolean.TRUE.equals(s.behindPace())) continue;
            int behind = s.expectedByNow() - s.trained();
            out.add(Notification.of(Notification.jurisdiction(s.jurisdiction()), "T1|" + s.jurisdiction() + "|" + day.getYear(), "HIGH_END_SHARE", null,
                    Text.of("骨干培训进度落后 " + behind + " 人：" + s.name(), "High-end training " + behind + " behind pace: " + s.jurisdiction()),
                    Text.of(s.name() + "本周期（" + s.cycleFrom() + "–" + s.cycleTo() + "）须培训专任教师的 " + s.percent() + "%，共 " + s.target()
                                    + " 人；按进度此时应达 " + s.expectedByNow() + " 人，已培训 " + s.trained() + " 人。",
                            s.name() + " owes " + s.percent() + "% of its full-time teachers this cycle (" + s.cycleFrom() + "-" + s.cycleTo() + "), "
                                    + Text.count(s.target(), "teacher") + "; " + s.expectedByNow() + " by now on pace, " + s.trained() + " trained."), at));
        }
        return out;
    }
}
