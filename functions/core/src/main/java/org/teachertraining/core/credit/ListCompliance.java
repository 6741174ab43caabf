package org.teachertraining.core.credit;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Identifiers;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;
import java.util.Optional;

/**
 * A jurisdiction's compliance list (C3): the teachers registered in it who are still short of a
 * requirement in its current cycle (or, asked by a year of it, in the cycle that ended last year, the one the
 * teaching certificate's re-registration looks at), by how much, paged, optionally one school — read from the
 * maintained aggregates. A requirement that runs from each teacher's first year (new teachers) has no common cycle:
 * its list is of one year's new teachers ({@code firstYear}, this year's by default, or last year's, whose first
 * year has just ended; their rows are kept while the requirement applies to them).
 */
public final class ListCompliance {
    private final ComplianceAggregates aggregates;
    private final RequirementBook book;
    private final Access access;
    private final Clock clock;

    public ListCompliance(ComplianceAggregates aggregates, RequirementBook book, Access access, Clock clock) {
        this.aggregates = aggregates;
        this.book = book;
        this.access = access;
        this.clock = clock;
    }

    /**
     * What is asked: the unit, the requirement, optionally a school, (for new teachers' requirement) their first year,
     * and (for a common cycle) a year of the cycle to list: of the current one (the default), or of the one that ended last year.
     */
    public record Query(String jurisdiction, String requirementId, String schoolId, Integer firstYear, Integer year) {
        public Query(String jurisdiction, String requirementId, String schoolId, Integer firstYear) {
            this(jurisdiction, requirementId, schoolId, firstYear, null);
        }

        public Query(String jurisdiction, String requirementId, String schoolId) {
            this(jurisdiction, requirementId, schoolId, null, null);
        }
    }

    public Outcome<Page<ComplianceRow>> execute(Caller caller, Query query, String cursor, Integer limit) {
        return read(caller, query, cursor, limit, 100);
    }

    /** The same list {@link Page#EXPORT_SIZE} at a time, for an export of all of it. */
    public Outcome<Page<ComplianceRow>> export(Caller caller, Query query, String cursor) {
        return read(caller, query, cursor, Page.EXPORT_SIZE, Page.EXPORT_SIZE);
    }

    private Outcome<Page<ComplianceRow>> read(Caller caller, Query query, String cursor, Integer limit, int max) {
        String jurisdiction = query.jurisdiction(), requirementId = query.requirementId();
        var v = new Violations();
        int year = ChinaTime.today(clock).getYear();
        v.range("limit", limit, 1, max);
        boolean known = access.tree().exists(jurisdiction);
        // who may read the unit's list comes first: a caller outside it learns nothing of its requirements or of what it sent
        if (known) {
            var denied = access.require(caller, jurisdiction, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        } else {   // named as the route names it: /jurisdictions/{code}/compliance
            JurisdictionTree.unknown(v, "code", jurisdiction);
        }
        Optional<Requirement> requirement = Optional.empty();
        if (v.required("requirement", requirementId)) {
            if (Identifiers.valid(requirementId)) requirement = book.inForce(requirementId, year);
            if (requirement.isEmpty()) {
                v.add("requirement", "未知的学时要求：" + PlainText.quote(requirementId), "unknown requirement " + PlainText.quote(requirementId)
                        + (known ? "; known here: " + book.inForceFor(jurisdiction, year).all().stream().map(Requirement::id).toList() : ""));
            }
        }
        Integer firstYear = query.firstYear();
        if (requirement.isPresent() && requirement.get().anchorYear() != null && firstYear != null) {
            v.add("firstYear", "仅适用于按教师入职年份计算的要求（如新入职教师首年学时）", "only for a requirement that runs from each teacher's first year (new teachers)");
        }
        if (requirement.isPresent() && requirement.get().anchorYear() == null && firstYear != null && (firstYear < year - 1 || firstYear > year)) {
            // a first year that ended before last year has no rows left to list: the requirement no longer applies to those teachers
            v.add("firstYear", "须为 " + (year - 1) + " 或 " + year + " 年：只列今年和去年入职的教师", "must be " + (year - 1) + " or " + year
                    + ": the list holds this year's and last year's new teachers");
        }
        int[] cycle = requirement.isPresent() && requirement.get().anchorYear() != null ? cycleAsked(requirement.get(), query.year(), year, v) : null;
        if (requirement.isPresent() && requirement.get().anchorYear() == null && query.year() != null) {
            v.add("year", "新入职教师的要求按入职年份（firstYear）查看", "a new teachers' requirement is listed by their first year (firstYear)");
        }
        boolean school = known && access.tree().isSchool(jurisdiction);
        if (school && query.schoolId() != null && !query.schoolId().equals(jurisdiction)) {
            v.add("school", "学校 " + jurisdiction + " 的名单只含本校教师", "the list of school " + jurisdiction + " holds its own teachers only");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var r = requirement.get();
        // a new teacher's requirement runs over the teacher's first year: its rows' cycle is that year
        int from = r.anchorYear() == null ? (firstYear == null ? year : firstYear) : cycle[0];
        // a school's teachers are registered at its county (or city), the school a field of theirs: its list is theirs
        String unit = school ? access.tree().find(jurisdiction).orElseThrow().parent() : jurisdiction;
        try {
            return Outcome.done(aggregates.shortIn(unit, r.id(), from, school ? jurisdiction : query.schoolId(), cursor, limit == null ? 50 : limit));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }

    /**
     * The cycle holding {@code asked} (this year when absent): the current one, or the one that ended last year, whose
     * rows are kept through this year ({@link RefreshCompliance#justEnded}). Any other year is named in {@code v}.
     */
    private int[] cycleAsked(Requirement current, Integer asked, int year, Violations v) {
        int[] now = Requirements.cycle(current, current.anchorYear(), year);
        int[] ended = Requirements.endedLastYear(book.inForce(current.id(), year - 1).orElse(null), year);
        if (asked == null || (asked >= now[0] && asked <= now[1])) return now;
        if (ended != null && asked >= ended[0] && asked <= ended[1]) return ended;
        String nowZh = now[0] + "–" + now[1];
        v.add("year", "须为本周期（" + nowZh + "）" + (ended == null ? "" : "或刚结束的周期（" + ended[0] + "–" + ended[1] + "）") + "内的年份",
                "must be a year of the current cycle (" + nowZh + ")" + (ended == null ? "" : " or of the one just ended (" + ended[0] + "–" + ended[1] + ")"));
        return now;
    }
}
