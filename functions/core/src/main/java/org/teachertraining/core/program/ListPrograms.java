package org.teachertraining.core.program;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;
import java.util.LinkedHashSet;

/**
 * Finding programs: a year's programs (this year in China by default), of one level or all, and — with a
 * jurisdiction — the ones that apply to that unit: those it owns and those of every unit above it (a county
 * sees the province's, its city's and its own). Programs are published plans, readable by every signed-in
 * caller, as GET /programs/{id} is.
 */
public final class ListPrograms {
    public static final int MAX_PAGE = 100;
    static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

    public record Query(Integer year, ProgramLevel level, String jurisdiction, String cursor, Integer limit) {}

    private final Programs programs;
    private final JurisdictionTree tree;
    private final Clock clock;

    public ListPrograms(Programs programs, JurisdictionTree tree, Clock clock) {
        this.programs = programs;
        this.tree = tree;
        this.clock = clock;
    }

    public Outcome<Page<Program>> execute(Query q) {
        var v = new Violations();
        v.range("year", q.year(), FIRST_YEAR, LAST_YEAR);
        v.range("limit", q.limit(), 1, MAX_PAGE);
        if (q.jurisdiction() != null && !tree.exists(q.jurisdiction())) {
            JurisdictionTree.unknown(v, "jurisdiction", q.jurisdiction());
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        int year = q.year() == null ? ChinaTime.today(clock).getYear() : q.year();
        var owners = q.jurisdiction() == null ? null : new LinkedHashSet<>(tree.selfAndAncestors(q.jurisdiction()));
        try {
            return Outcome.done(programs.ofYear(year, q.level(), owners, q.cursor(), q.limit() == null ? 50 : q.limit()));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }
}
