package org.teachertraining.core.teacher;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.util.Optional;

/** Who may read a teacher's own records (enrollments, applications, what is open to them): the teacher, and admins whose subtree holds the teacher. */
public final class TeacherAccess {
    private TeacherAccess() {}

    /** A teacher naming another teacher's records: refused whatever the records are, and whether that teacher exists or not. */
    public static Refusal notSelf() {
        return Refusal.forbidden(Text.of("教师只能查看和办理本人的记录", "A teacher may see and act on their own records only"));
    }

    /**
     * A record of the teacher's that is not there ({@code notThere}, a 404): said only to a caller with {@code roles} over the
     * teacher's unit; anyone else gets the refusal they would get were it there, so that its absence tells an outsider
     * nothing (whether the teacher holds a seat, or a place on a waitlist).
     */
    public static Refusal absent(Access access, Teachers teachers, Caller caller, String teacherId, Refusal notThere, Role... roles) {
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return teachers.notFound(teacherId);
        return access.require(caller, teacher.get().unit(), roles).orElse(notThere);
    }

    public static Optional<Refusal> selfOrAdminsAbove(Access access, Teachers teachers, Caller caller, String teacherId) {
        if (caller.role() == Role.TEACHER && teacherId.equals(caller.teacherId())) return Optional.empty();
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Optional.of(teachers.notFound(teacherId));
        return access.require(caller, teacher.get().unit(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
    }
}
