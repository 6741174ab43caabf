package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A teacher's transcript (C6): hours by year and category, each requirement of the teacher's province
 * met or short by how much in the current cycle, and the ledger entries behind it.
 */
public final class ReadTranscript {

    public record Transcript(String teacherId, String name, Map<Integer, Map<CreditCategory, Integer>> hoursByYear,
                             List<RequirementStatus> requirements, List<CreditEntry> entries) {}

    private final Teachers teachers;
    private final Ledger ledger;
    private final RequirementBook requirements;
    private final Access access;
    private final Clock clock;

    public ReadTranscript(Teachers teachers, Ledger ledger, RequirementBook requirements, Access access, Clock clock) {
        this.teachers = teachers;
        this.ledger = ledger;
        this.requirements = requirements;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Transcript> execute(Caller caller, String teacherId) {
        return execute(caller, teacherId, null);
    }

    /**
     * The transcript with its requirements evaluated for the cycle that holds {@code year} (null: this year), under the
     * versions in force then: the cycle just ended is what the certificate's re-registration (定期注册) looks at, once
     * the new year has begun.
     */
    public Outcome<Transcript> execute(Caller caller, String teacherId, Integer year) {
        var found = teachers.find(teacherId);
        if (found.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        var teacher = found.get();
        boolean self = caller.role() == Role.TEACHER && teacherId.equals(caller.teacherId());
        if (!self) {
            var denied = access.require(caller, teacher.unit(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        int thisYear = ChinaTime.today(clock).getYear();
        if (year != null && (year < 2000 || year > thisYear)) {
            return Outcome.refused(new Violations().add("year", "须为 2000 年至今年（" + thisYear + "）", "must be 2000 to this year (" + thisYear + ")").refusal());
        }
        var entries = ledger.ofTeacher(teacherId);
        var byYear = new TreeMap<Integer, Map<CreditCategory, Integer>>();
        for (var e : entries) {
            byYear.computeIfAbsent(e.year(), y -> new EnumMap<>(CreditCategory.class)).merge(e.category(), e.hours(), Integer::sum);
        }
        int at = year == null ? thisYear : year;
        var statuses = RefreshCompliance.statuses(teacher, entries, requirements.inForceFor(teacher.jurisdiction(), at), at);
        return Outcome.done(new Transcript(teacherId, teacher.name(), byYear, statuses, entries));
    }
}
