package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's waitlist (储备库, 二轮补报; E7). The admins who may enroll a teacher put them on it, in order, for
 * the pool the teacher's seat would come from — a school's admin its own teachers, for its school's seats only, as it
 * nominates; a withdrawal before the start promotes the first of that pool who is still eligible
 * ({@link WithdrawEnrollment}). A teacher is listed only while selection is open (E2): after the cutoff, freed seats go
 * to those listed before it, and only to them.
 */
public final class Waitlist {
    /** A waitlisted teacher and their place in their pool's order (1 = promoted first). */
    public record Place(WaitlistEntry entry, int position) {}

    /** {@code created} false: the teacher was on the waitlist already (the same place, 200). */
    public record Listed(Place place, boolean created) {}

    private final Projects projects;
    private final Teachers teachers;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final EnrollTeacher rules;
    private final Access access;
    private final Clock clock;

    public Waitlist(Projects projects, Teachers teachers, Enrollments enrollments, Waitlists waitlists, EnrollTeacher rules, Access access, Clock clock) {
        this.projects = projects;
        this.teachers = teachers;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Listed> add(Caller caller, String projectId, String teacherId) {
        if (!caller.hasRole(EnrollTeacher.SELECTORS)) return Outcome.refused(Access.roleRefusal(EnrollTeacher.SELECTORS));
        var v = new Violations();
        v.identifier("teacherId", teacherId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var found = projects.find(projectId);
        if (found.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        Project project = found.get();
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        var t = teacher.get();
        var denied = access.require(caller, t.unit(), EnrollTeacher.SELECTORS);
        if (denied.isPresent()) return Outcome.refused(denied.get());

        var earlier = waitlists.find(projectId, teacherId);
        var pool = rules.poolFor(project, t.unit());
        if (earlier.isPresent() && pool.map(earlier.get().quotaJurisdiction()::equals).orElse(false)) {
            return Outcome.done(new Listed(place(earlier.get()), false));
        }
        if (enrollments.find(projectId, teacherId).filter(e -> e.status().holdsSeat()).isPresent()) {
            return Outcome.refused(Refusal.conflict("E6", Text.of("该教师已入选本项目，无需列入储备名单", "The teacher is enrolled in this project already; no need to waitlist")));
        }
        var refusal = rules.selectionClosed(project).or(() -> rules.barsTeacher(project, t));
        if (refusal.isPresent()) return Outcome.refused(refusal.get());
        if (pool.isEmpty()) {
            return Outcome.refused(Refusal.conflict("E1", Text.of("所在地区未分配到该项目名额，无从递补", "No seats of this project are allocated to the teacher's unit: nothing to fill")));
        }
        if (caller.role() == Role.SCHOOL_ADMIN && !pool.get().equals(caller.jurisdiction())) {
            return Outcome.refused(Refusal.conflict("E1", Text.of("本校未分配到该项目名额，储备名单由县区列入", "This school holds no seats of this project: the county keeps the waitlist"))
                    .withDetails(Map.of("quotaJurisdiction", pool.get())));
        }
        // a place in a pool the teacher has left (listed before a move, 2026-12-07 or earlier) is not theirs: this one replaces it
        earlier.ifPresent(waitlists::remove);
        var entry = new WaitlistEntry(projectId, t.id(), t.name(), t.jurisdiction(), pool.get(), caller.userId(), clock.instant());
        return switch (waitlists.add(entry, project.level())) {
            case LISTED -> Outcome.done(new Listed(place(entry), true));
            case ALREADY_LISTED -> Outcome.done(new Listed(place(waitlists.find(projectId, teacherId).orElseThrow()), false));
            // a pool closes only when its project is cancelled (Quotas#close): that happened while this request was under way
            case POOL_CLOSED -> Outcome.refused(projects.find(projectId).flatMap(rules::selectionClosed)
                    .orElseThrow(() -> new IllegalStateException("a pool of project " + projectId + " closed, the project not cancelled")));
            // banned while this request was under way (the listing checks the teacher's ban, Waitlists#add): the file says why
            case BANNED -> Outcome.refused(rules.banned(project, t).orElseGet(EnrollTeacher::bannedMeanwhile));
        };
    }

    /** The waitlist of the caller's subtree, or of {@code jurisdiction} within it: each pool in its order (a school's: its own pool). */
    public Outcome<List<Place>> list(Caller caller, String projectId, String jurisdiction) {
        Role[] admins = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};
        if (!caller.hasRole(admins)) return Outcome.refused(Access.roleRefusal(admins));
        String unit = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        var v = new Violations();
        if (!access.tree().exists(unit)) JurisdictionTree.unknown(v, "jurisdiction", unit);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, unit, admins);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        if (projects.find(projectId).isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var places = new ArrayList<Place>();
        String pool = null;
        int position = 0;
        for (var e : waitlists.ofProject(projectId, JurisdictionTree.subtreePrefix(unit))) {
            position = e.quotaJurisdiction().equals(pool) ? position + 1 : 1;
            pool = e.quotaJurisdiction();
            places.add(new Place(e, position));
        }
        return Outcome.done(places);
    }

    /** Takes a teacher off the waitlist: a city or county admin over the teacher, or a school's admin from its school's pool. */
    public Outcome<Map<String, Object>> remove(Caller caller, String projectId, String teacherId) {
        if (!caller.hasRole(EnrollTeacher.SELECTORS)) return Outcome.refused(Access.roleRefusal(EnrollTeacher.SELECTORS));
        if (projects.find(projectId).isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var entry = waitlists.find(projectId, teacherId);
        if (entry.isEmpty()) {
            return Outcome.refused(org.teachertraining.core.teacher.TeacherAccess.absent(access, teachers, caller, teacherId,
                    Refusal.notFound(Text.of("该教师不在本项目的储备名单上", "The teacher is not on this project's waitlist")), EnrollTeacher.SELECTORS));
        }
        var denied = caller.role() == Role.SCHOOL_ADMIN
                ? access.require(caller, entry.get().quotaJurisdiction(), Role.SCHOOL_ADMIN)
                : access.require(caller, entry.get().jurisdiction(), Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        waitlists.remove(entry.get());
        return Outcome.done(Map.of("projectId", projectId, "teacherId", teacherId, "removed", true));
    }

    /**
     * A teacher moved to another unit (a city moves teachers between its counties, a county between its schools): a place
     * on a waitlist of a pool the teacher no longer belongs to is taken off. Promotion would pass over it, the old unit
     * still listed a teacher no longer theirs, and the new one could neither see nor remove it, while listing the
     * teacher again answered with the old place. The new unit lists the teacher for its own pool if it wants to.
     */
    public void follow(Optional<Teacher> before, Teacher after) {
        if (before.isEmpty() || before.get().unit().equals(after.unit())) return;
        for (var entry : waitlists.ofTeacher(after.id())) {
            var project = projects.find(entry.projectId());
            if (project.isEmpty() || !rules.poolFor(project.get(), after.unit()).map(entry.quotaJurisdiction()::equals).orElse(false)) {
                waitlists.remove(entry);
            }
        }
    }

    private Place place(WaitlistEntry entry) {
        var pool = waitlists.ofPool(entry.projectId(), entry.quotaJurisdiction());
        int at = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).teacherId().equals(entry.teacherId())) at = i + 1;
        }
        return new Place(entry, at);
    }
}
