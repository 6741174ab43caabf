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

import java.time.Clock;
import java.util.Optional;

/**
 * A jurisdiction's compliance list (C3): the teachers registered in it who are still short of a
 * requirement in its current cycle, by how much, paged, optionally one school — read from the
 * maintained aggregates.
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

    public Outcome<Page<ComplianceRow>> execute(Caller caller, String jurisdiction, String requirementId, String schoolId,
                                                String cursor, Integer limit) {
        return read(caller, jurisdiction, requirementId, schoolId, cursor, limit, 100);
    }

    /** The same list {@link Page#EXPORT_SIZE} at a time, for an export of all of it. */
    public Outcome<Page<ComplianceRow>> export(Caller caller, String jurisdiction, String requirementId, String schoolId, String cursor) {
        return read(caller, jurisdiction, requirementId, schoolId, cursor, Page.EXPORT_SIZE, Page.EXPORT_SIZE);
    }

    private Outcome<Page<ComplianceRow>> read(Caller caller, String jurisdiction, String requirementId, String schoolId,
                                              String cursor, Integer limit, int max) {
        var v = new Violations();
        int year = ChinaTime.today(clock).getYear();
        v.range("limit", limit, 1, max);
        boolean known = access.tree().exists(jurisdiction);
        if (!known) v.add("jurisdiction", "未知的行政区划代码：" + jurisdiction, "unknown jurisdiction code: " + jurisdiction);
        Optional<Requirement> requirement = Optional.empty();
        if (v.required("requirement", requirementId)) {
            if (Identifiers.valid(requirementId)) requirement = book.inForce(requirementId, year);
            if (requirement.isEmpty()) {
                v.add("requirement", "未知的学时要求：" + PlainText.quote(requirementId), "unknown requirement " + PlainText.quote(requirementId)
                        + (known ? "; known here: " + book.inForceFor(jurisdiction, year).all().stream().map(Requirement::id).toList() : ""));
            }
        }
        if (requirement.isPresent() && requirement.get().anchorYear() == null) {
            v.add("requirement", "该要求按教师入职年份计算，无统一周期", "this requirement runs from each teacher's first year; it has no common cycle to list");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, jurisdiction, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var r = requirement.get();
        int from = Requirements.cycle(r, r.anchorYear(), ChinaTime.today(clock).getYear())[0];
        try {
            return Outcome.done(aggregates.shortIn(jurisdiction, r.id(), from, schoolId, cursor, limit == null ? 50 : limit));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }
}
