package org.teachertraining.core.teacher;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.Jurisdiction;

import java.util.Locale;

/**
 * The teachers registered at a unit (or one school's), for the admins whose subtree holds it: a page at a time, by ID,
 * optionally those whose ID starts with or whose name contains {@code q}. Teachers are registered at their county, or
 * at a city or the province for the teachers of its own schools (市直、省直): a city or province names itself for those,
 * one of its counties for the county's. A search (or a school's list) reads on through the unit's teachers until its page is full, up to
 * {@link Page#EVALUATED_PER_PAGE} a page (a large county's 3,000 in one request): only a county larger than that can answer
 * a page short, with a cursor to go on.
 */
public final class ListTeachers {
    public static final int MAX_PAGE = 100;

    private final Teachers teachers;
    private final Access access;

    public ListTeachers(Teachers teachers, Access access) {
        this.teachers = teachers;
        this.access = access;
    }

    public Outcome<Page<Teacher>> execute(Caller caller, String jurisdiction, String q, String cursor, Integer limit) {
        return read(caller, jurisdiction, q, cursor, limit, MAX_PAGE);
    }

    /** The same list {@link Page#EXPORT_SIZE} at a time, for an export of all of it. */
    public Outcome<Page<Teacher>> export(Caller caller, String jurisdiction, String q, String cursor) {
        return read(caller, jurisdiction, q, cursor, Page.EXPORT_SIZE, Page.EXPORT_SIZE);
    }

    private Outcome<Page<Teacher>> read(Caller caller, String jurisdiction, String q, String cursor, Integer limit, int max) {
        String unit = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        var denied = access.require(caller, unit, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.range("limit", limit, 1, max);
        if (q != null && (q.isBlank() || q.length() > 64)) v.add("q", "查询词须为 1–64 个字符", "must be 1-64 characters");
        // as a clerk types or pastes it: spaces around it, an input method's full-width letters and digits
        String typed = q == null || !v.isEmpty() ? q : PlainText.typed(q);
        var found = access.tree().find(unit);   // present: require refused a unit that does not exist
        boolean school = found.get().level() == Jurisdiction.Level.SCHOOL;
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        String registeredAt = school ? found.get().parent() : unit;
        String needle = typed == null ? null : typed.toLowerCase(Locale.ROOT);
        java.util.function.Predicate<Teacher> matching = t -> (!school || unit.equals(t.schoolId()))
                && (needle == null || t.id().toLowerCase(Locale.ROOT).startsWith(needle) || (t.name() != null && t.name().contains(typed)));
        int size = limit == null ? 50 : limit;
        try {
            return Outcome.done(teachers.registeredAt(registeredAt, cursor, size, matching, Page.evaluatedAtMost(size, school || needle != null)));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }
}
