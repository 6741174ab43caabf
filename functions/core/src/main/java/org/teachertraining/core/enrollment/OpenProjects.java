package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.teacher.TeacherAccess;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * For one teacher, the projects whose selection is open now (before their cutoff, not cancelled) in this year's and next
 * year's programs that apply to the teacher's unit, each with whether a seat is there for them and, if not, why — the rule
 * and its explanation, exactly as an enrollment would refuse ({@link EnrollTeacher#whyNot}). The teacher
 * reads their own; admins whose subtree holds the teacher read it too.
 */
public final class OpenProjects {
    /** {@code refusal} empty: the teacher can be selected now. */
    public record Offer(Project project, Optional<Refusal> refusal) {}

    private final Programs programs;
    private final Projects projects;
    private final Teachers teachers;
    private final EnrollTeacher enroll;
    private final Access access;
    private final Clock clock;

    public OpenProjects(Programs programs, Projects projects, Teachers teachers, EnrollTeacher enroll, Access access, Clock clock) {
        this.programs = programs;
        this.projects = projects;
        this.teachers = teachers;
        this.enroll = enroll;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<List<Offer>> forTeacher(Caller caller, String teacherId) {
        var denied = TeacherAccess.selfOrAdminsAbove(access, teachers, caller, teacherId);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        var t = teacher.get();
        var owners = new LinkedHashSet<>(access.tree().selfAndAncestors(t.jurisdiction()));
        var offers = new ArrayList<Offer>();
        int year = ChinaTime.today(clock).getYear();
        var applying = new ArrayList<>(programs.allOfYear(year, owners));
        applying.addAll(programs.allOfYear(year + 1, owners));   // next year's plan, published now, may already be selecting
        for (Program program : applying) {
            for (Project project : projects.ofProgram(program.id())) {
                if (!clock.instant().isBefore(project.selectionCutoff()) || project.cancelledAt() != null) continue;   // selection over
                offers.add(new Offer(project, enroll.whyNot(project, t)));
            }
        }
        offers.sort(Comparator.comparing((Offer o) -> o.project().selectionCutoff()).thenComparing(o -> o.project().id()));
        return Outcome.done(offers);
    }

}
