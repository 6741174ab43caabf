package org.teachertraining.core.application;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.OpenProjects;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherAccess;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Teachers' own choice (自主选学, E9). The project's owner opens a project to applications; a teacher applies
 * (refused at once, with the rule, if an enrollment would be: E6, E2–E5, E1); the teacher's county or city
 * approves or declines. An approval takes the seat through {@link EnrollTeacher} — the same checks, the same
 * transaction for the seat — after claiming the application (PENDING → APPROVING, conditionally), so two
 * clerks approving at once book one seat, and a decline cannot overtake an approval or the reverse.
 */
public final class SelfSelection {
    public static final int MAX_BULK = 100;
    /** Who decides: the teacher's county (or the city above it), or their school's admin — an approval within the school's seats. */
    static final Role[] DECIDERS = {Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};
    static final Role[] READERS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};
    static final int MAX_TEXT = 500;

    /** {@code created} false: the teacher had applied before (the same application, 200). */
    public record Applied(TeacherApplication application, boolean created) {}

    /** A project in selection now, for one teacher: whether they can apply, and if not the rule that keeps them out. */
    public record Choice(Project project, Optional<Refusal> refusal) {
        public boolean canApply() {
            return refusal.isEmpty();
        }
    }

    /** The application as decided, and when approved the enrollment it holds. */
    public record Decided(TeacherApplication application, Enrollment enrollment) {}

    private final Projects projects;
    private final Teachers teachers;
    private final TeacherApplications applications;
    private final EnrollTeacher enroll;
    private final Enrollments enrollments;
    private final OpenProjects openProjects;
    private final Access access;
    private final Clock clock;

    public SelfSelection(Projects projects, Teachers teachers, TeacherApplications applications, EnrollTeacher enroll, Enrollments enrollments,
                         OpenProjects openProjects, Access access, Clock clock) {
        this.enrollments = enrollments;
        this.openProjects = openProjects;
        this.projects = projects;
        this.teachers = teachers;
        this.applications = applications;
        this.enroll = enroll;
        this.access = access;
        this.clock = clock;
    }

    /** The owner's admins open a project to teachers' applications, or close it. */
    public Outcome<Map<String, Object>> setOpen(Caller caller, String projectId, Boolean open) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.required("open", open);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        applications.setOpen(projectId, open);
        return Outcome.done(Map.of("projectId", projectId, "open", open));
    }

    /**
     * For the signed-in teacher, the projects in selection now ({@link OpenProjects}): each one they can apply to,
     * or the rule that keeps them out — an enrollment's (E6, E2–E5, E1), else E9 when the project takes no
     * applications (the county selects).
     */
    public Outcome<List<Choice>> choicesOf(Caller caller) {
        if (caller.role() != Role.TEACHER || caller.teacherId() == null) return Outcome.refused(Access.roleRefusal(Role.TEACHER));
        return openProjects.forTeacher(caller, caller.teacherId()).map(offers -> offers.stream()
                .map(o -> new Choice(o.project(), o.refusal().or(() -> applications.isOpen(o.project().id()) ? Optional.empty() : Optional.of(closed()))))
                .toList());
    }

    private static Refusal closed() {
        return Refusal.conflict("E9", Text.of("本项目不接受教师自主报名（由县区教育局遴选）", "This project does not take teachers' applications (the county selects)"));
    }

    public Outcome<Applied> apply(Caller caller, String projectId, String statement) {
        if (caller.role() != Role.TEACHER || caller.teacherId() == null) return Outcome.refused(Access.roleRefusal(Role.TEACHER));
        var v = new Violations();
        v.optionalText("statement", statement, MAX_TEXT);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var teacher = teachers.find(caller.teacherId());
        if (teacher.isEmpty()) return Outcome.refused(NotFound.teacher(caller.teacherId()));
        if (!applications.isOpen(projectId)) return Outcome.refused(closed());
        var earlier = applications.find(projectId, caller.teacherId());
        if (earlier.isPresent() && !spent(earlier.get())) return Outcome.done(new Applied(earlier.get(), false));
        var refusal = enroll.whyNot(project.get(), teacher.get());
        if (refusal.isPresent()) return Outcome.refused(refusal.get());
        var t = teacher.get();
        var application = new TeacherApplication(projectId, t.id(), t.name(), t.unit(), statement == null ? null : statement.strip(),
                TeacherApplication.Status.PENDING, null, null, null, null, clock.instant());
        // a new application, or one in place of an approval spent by a withdrawal (E7): the first of racing repeats stands
        boolean stored = earlier.isEmpty() ? applications.add(application)
                : applications.move(application, EnumSet.of(TeacherApplication.Status.APPROVED));
        if (!stored) return Outcome.done(new Applied(applications.find(projectId, t.id()).orElseThrow(), false));
        // the project cancelled while this was filed: the cancellation declines the pending applications it reads after
        // marking the project, and this one may have come after that read, so it is declined here as it would have been
        var cancelled = projects.find(projectId).filter(p -> p.cancelledAt() != null);
        if (cancelled.isPresent()) {
            applications.move(application.with(TeacherApplication.Status.DECLINED, "cancellation", cancelled.get().cancelledAt(),
                    TeacherApplication.PROJECT_STOPPED, null), EnumSet.of(TeacherApplication.Status.PENDING));
            return Outcome.refused(enroll.selectionClosed(cancelled.get()).orElseThrow());
        }
        return Outcome.done(new Applied(application, true));
    }

    /**
     * An approval spent: the seat it took was given up before the start (E7), so the teacher holds none. The teacher may
     * apply again, and a decision on the old application does not pretend to approve anything.
     */
    private boolean spent(TeacherApplication a) {
        return a.status() == TeacherApplication.Status.APPROVED && enrollments.find(a.projectId(), a.teacherId())
                .map(e -> e.status() == EnrollmentStatus.WITHDRAWN).orElse(true);
    }

    private static Refusal withdrawnSinceApproved(TeacherApplication a) {
        return Refusal.conflict("E7", Text.of(
                "该教师的报名曾获通过，但已退出本项目，原审批不再有效；如需重新入选，请教师重新报名，或由管理员直接遴选",
                "The teacher's application was approved, but the teacher has since withdrawn from the project, so that approval no "
                        + "longer holds: the teacher may apply again, or an admin may enroll the teacher directly"))
                .withDetails(Map.of("teacherId", a.teacherId()));
    }

    /** The teacher's county or city decides; an approval takes the seat as an enrollment does. */
    public Outcome<Decided> decide(Caller caller, String projectId, String teacherId, Boolean approved, String reason) {
        return decideApplication(caller, projectId, teacherId, approved, reason).map(a -> new Decided(a,
                a.status() == TeacherApplication.Status.APPROVED ? enrollments.find(projectId, teacherId).orElse(null) : null));
    }

    private Outcome<TeacherApplication> decideApplication(Caller caller, String projectId, String teacherId, Boolean approved, String reason) {
        if (!caller.hasRole(DECIDERS)) return Outcome.refused(Access.roleRefusal(DECIDERS));
        var v = new Violations();
        v.identifier("teacherId", teacherId);
        v.required("approved", approved);
        if (Boolean.FALSE.equals(approved)) v.text("reason", reason, MAX_TEXT);
        else v.optionalText("reason", reason, MAX_TEXT);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        if (projects.find(projectId).isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var found = applications.find(projectId, teacherId);
        // no application is said only to the deciders over the teacher: to anyone else, whether a teacher applied is no answer
        if (found.isEmpty()) return Outcome.refused(TeacherAccess.absent(access, teachers, caller, teacherId, noApplication(projectId, teacherId), DECIDERS));
        var app = found.get();
        var denied = access.require(caller, app.teacherJurisdiction(), DECIDERS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var now = clock.instant();
        if (!approved) {
            if (applications.move(app.with(TeacherApplication.Status.DECLINED, caller.userId(), now, reason.strip(), null), EnumSet.of(TeacherApplication.Status.PENDING))) {
                return Outcome.done(applications.find(projectId, teacherId).orElseThrow());
            }
            return Outcome.refused(decided(applications.find(projectId, teacherId).orElseThrow()));
        }
        if (app.status() == TeacherApplication.Status.APPROVED) return spent(app) ? Outcome.refused(withdrawnSinceApproved(app)) : Outcome.done(app);
        // claim it: a decline cannot overtake an approval in progress (an interrupted one may be retried)
        var claim = app.with(TeacherApplication.Status.APPROVING, caller.userId(), now, null, null);
        if (!applications.move(claim, EnumSet.of(TeacherApplication.Status.PENDING, TeacherApplication.Status.APPROVING))) {
            var current = applications.find(projectId, teacherId).orElseThrow();
            return current.status() == TeacherApplication.Status.APPROVED ? Outcome.done(current) : Outcome.refused(decided(current));
        }
        var enrolled = enroll.execute(caller, projectId, teacherId, null);
        if (enrolled instanceof Outcome.Refused<EnrollTeacher.Enrolled> r) {
            // the project cancelled while it was being approved: declined as the cancellation declined those waiting, which it
            // could not (this one was APPROVING then); otherwise it waits for a decision again
            boolean stopped = projects.find(projectId).map(p -> p.cancelledAt() != null).orElse(false);
            applications.move(stopped ? app.with(TeacherApplication.Status.DECLINED, caller.userId(), now, TeacherApplication.PROJECT_STOPPED, null)
                    : app.with(TeacherApplication.Status.PENDING, null, null, null, null), EnumSet.of(TeacherApplication.Status.APPROVING));
            return Outcome.refused(r.refusal());
        }
        var enrollment = ((Outcome.Done<EnrollTeacher.Enrolled>) enrolled).value().enrollment();
        var done = app.with(TeacherApplication.Status.APPROVED, caller.userId(), now, reason == null ? null : reason.strip(), enrollment.id());
        applications.move(done, EnumSet.of(TeacherApplication.Status.APPROVING));
        return Outcome.done(applications.find(projectId, teacherId).orElseThrow());
    }

    /**
     * A teacher moved to another unit (a city moves teachers between its counties, a county between its schools), or
     * renamed: the applications still waiting for a decision follow, so the unit now responsible for the teacher lists
     * and decides them. Before, the old unit still listed them but could not decide them, and the new one saw nothing.
     * Decided applications keep the unit that decided them.
     */
    public void follow(Optional<Teacher> before, Teacher after) {
        if (before.isEmpty() || before.get().unit().equals(after.unit()) && before.get().name().equals(after.name())) return;
        for (var a : applications.ofTeacher(after.id())) {
            if (a.status() == TeacherApplication.Status.PENDING) applications.move(a.of(after), EnumSet.of(TeacherApplication.Status.PENDING));
        }
    }

    /** A county's pending list approved at once: each teacher's outcome, as {@link #decide} gives it. */
    public Outcome<List<Map<String, Object>>> approveAll(Caller caller, String projectId, List<String> teacherIds) {
        var v = new Violations();
        if (v.required("teacherIds", teacherIds) && (teacherIds.isEmpty() || teacherIds.size() > MAX_BULK)) {
            v.add("teacherIds", "须为 1–" + MAX_BULK + " 名教师", "must name 1-" + MAX_BULK + " teachers");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var results = new ArrayList<Map<String, Object>>();
        for (String teacherId : new java.util.LinkedHashSet<>(teacherIds)) {
            var outcome = decideApplication(caller, projectId, teacherId, true, null);
            var row = new LinkedHashMap<String, Object>();
            row.put("teacherId", teacherId);
            if (outcome instanceof Outcome.Done<TeacherApplication> d) {
                row.put("status", d.value().status().name());
                row.put("enrollmentId", d.value().enrollmentId());
            } else {
                var refusal = ((Outcome.Refused<TeacherApplication>) outcome).refusal();
                row.put("status", "REFUSED");
                row.put("rule", refusal.rule());
                row.put("message", refusal.message());
            }
            results.add(row);
        }
        return Outcome.done(results);
    }

    /** Admins read the applications of their subtree (the project's owner, all of them). */
    public Outcome<List<TeacherApplication>> ofProject(Caller caller, String projectId, TeacherApplication.Status status) {
        if (!caller.hasRole(READERS)) return Outcome.refused(Access.roleRefusal(READERS));
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        boolean owner = ProjectAccess.ownerAdmins(access, caller, project.get()).isEmpty();
        return Outcome.done(applications.ofProject(projectId).stream()
                .filter(a -> owner || access.tree().isWithin(a.teacherJurisdiction(), caller.jurisdiction()))
                .filter(a -> status == null || a.status() == status).toList());
    }

    /** A teacher's own applications and their decisions; admins whose subtree holds the teacher read them too. */
    public Outcome<List<TeacherApplication>> ofTeacher(Caller caller, String teacherId) {
        var denied = TeacherAccess.selfOrAdminsAbove(access, teachers, caller, teacherId);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(applications.ofTeacher(teacherId));
    }

    private static Refusal noApplication(String projectId, String teacherId) {
        return Refusal.notFound(Text.of("该教师未报名本项目：" + teacherId, "Teacher " + teacherId + " has not applied to project " + projectId));
    }

    private static Refusal decided(TeacherApplication current) {
        String zh = switch (current.status()) {
            case APPROVED -> "已通过";
            case DECLINED -> "已不予通过";
            case APPROVING -> "正在审批";
            case PENDING -> "待审批";
        };
        return Refusal.conflict("E9", Text.of("该报名" + zh + "，不能再作此决定", "The application is " + org.teachertraining.core.common.Labels.of(current.status()).en().toLowerCase(java.util.Locale.ROOT) + ": this decision cannot be made"))
                .withDetails(Map.of("applicationStatus", current.status().name()));
    }

}
