package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.notification.NotificationQueue;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The compliance aggregates at the turn of a year (C3). A teacher's rows are re-evaluated whenever the teacher's ledger
 * changes or the teacher is saved ({@link RefreshCompliance}); a new year changes them without either: a cycle ends and
 * the next begins (Henan's 2026–2030 becomes 2031–2035, and every teacher is short of it by all its hours), a
 * requirement's new version comes into force, a new teacher's first-year requirement stops applying. Without this, a
 * county's compliance list would show nobody short in a new cycle until each teacher was touched, and the yearly results
 * would count every such teacher as meeting the requirement.
 *
 * <p>On the first daily run of a year ({@link #start}) the work is queued: one item for each unit teachers are
 * registered at (province, cities, counties) under a unit with a requirement in force that year. Each item
 * ({@link #refresh}) re-evaluates one page of the unit's teachers and queues the rest as the next item, so no single
 * message holds more work than a consumer's timeout allows, and nothing is lost if one fails (the queue gives it
 * back). A refresh is idempotent (the rows written from a ledger of the same length are the same), so an item
 * delivered twice does the same work twice, not different work.
 *
 * <p>In the last year of a requirement's cycle the same pass reminds (C3, {@link CycleShortNotice}): each teacher still
 * short once their rows are refreshed, and each unit, on its last page, how many of the teachers registered there are.
 * The daily run used to collect these itself: for a province of a million teachers, about as many notices in one
 * invocation of five minutes.
 */
public final class ComplianceRollover {
    /** One page of a unit's teachers to refresh: {@code cursor} null for the first. */
    public record Work(String unit, String cursor) {}

    /** Port: where the work waits (the credit-posting queue); a send either queues every item or throws. */
    public interface WorkQueue {
        void send(List<Work> work);
    }

    /** Teachers refreshed per item: a page takes about four requests a teacher, well within a consumer's 30 s. */
    public static final int PAGE = 25;

    private final RequirementBook requirements;
    private final JurisdictionTree tree;
    private final Teachers teachers;
    private final RefreshCompliance refresh;
    private final ComplianceAggregates aggregates;
    private final WorkQueue queue;
    private final NotificationQueue notices;
    private final Clock clock;

    public ComplianceRollover(RequirementBook requirements, JurisdictionTree tree, Teachers teachers, RefreshCompliance refresh,
                              ComplianceAggregates aggregates, WorkQueue queue, NotificationQueue notices, Clock clock) {
        this.requirements = requirements;
        this.tree = tree;
        this.teachers = teachers;
        this.refresh = refresh;
        this.aggregates = aggregates;
        this.queue = queue;
        this.notices = notices;
        this.clock = clock;
    }

    /** Queues the refresh of every teacher under a requirement in force in {@code year}; answers how many units. */
    public int start(int year) {
        var units = new LinkedHashSet<String>();
        for (var r : requirements.inForce(year).all()) units.addAll(tree.registrationUnitsWithin(r.jurisdiction()));
        var work = new ArrayList<Work>(units.size());
        for (String unit : units) work.add(new Work(unit, null));
        queue.send(work);
        return work.size();
    }

    /** Refreshes one page of the unit's teachers and queues the next page, if any; answers how many were refreshed. */
    public int refresh(Work work) {
        int year = ChinaTime.today(clock).getYear();
        var page = teachers.registeredAt(work.unit(), work.cursor(), PAGE, t -> true, PAGE);
        for (var teacher : page.items()) {
            for (var row : refresh.refresh(teacher)) {
                if (row.met() || row.cycleTo() != year) continue;
                requirements.inForce(row.requirementId(), year).filter(r -> r.anchorYear() != null)   // a common cycle, not a first year
                        .ifPresent(r -> notices.send(CycleShortNotice.toTeacher(r, row, clock.instant())));
            }
        }
        if (page.nextCursor() != null) {
            queue.send(List.of(new Work(work.unit(), page.nextCursor())));
        } else if (work.cursor() != null || !page.items().isEmpty()) {   // a unit nobody is registered at has nobody to count
            tellUnit(work.unit(), year);
        }
        return page.items().size();
    }

    /** The unit's last page done: in a cycle's last year, how many of the teachers registered at the unit are short. */
    private void tellUnit(String unit, int year) {
        for (var r : requirements.inForceFor(unit, year).applicableTo(unit)) {
            if (r.anchorYear() == null) continue;
            int[] cycle = Requirements.cycle(r, r.anchorYear(), year);
            if (cycle[1] != year) continue;
            int shortOf = aggregates.countShortRegisteredAt(unit, r.id(), cycle[0]);
            if (shortOf > 0) notices.send(CycleShortNotice.toUnit(r, cycle, unit, tree.nameOf(unit), shortOf, clock.instant()));
        }
    }
}
