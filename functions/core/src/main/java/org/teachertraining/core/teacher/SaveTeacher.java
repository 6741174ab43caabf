package org.teachertraining.core.teacher;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Creates or updates a teacher of the caller's subtree (school, county or city admins). */
public final class SaveTeacher {

    public record Command(String id, String name, String jurisdiction, String schoolId, Stage stage, List<String> subjects,
                          TeacherRole role, SchoolLocation schoolLocation, LocalDate teachingSince, BackboneLevel backboneLevel) {}

    /** {@code created} is false when an existing teacher was updated. */
    public record Saved(Teacher teacher, boolean created) {}

    static final Role[] ROLES = {Role.SCHOOL_ADMIN, Role.COUNTY_ADMIN, Role.CITY_ADMIN};

    private final Teachers teachers;
    private final Access access;
    private final Clock clock;
    private final Stored saved;

    /** Told of every teacher stored, with the record it replaced (empty for a new teacher). */
    @FunctionalInterface
    public interface Stored {
        void stored(Optional<Teacher> before, Teacher after);
    }

    /**
     * @param saved told of every teacher stored (the compliance aggregates follow new and moved teachers, and a moved
     *              teacher's pending applications the teacher)
     */
    public SaveTeacher(Teachers teachers, Access access, Clock clock, Stored saved) {
        this.teachers = teachers;
        this.access = access;
        this.clock = clock;
        this.saved = saved;
    }

    public Outcome<Saved> execute(Caller caller, Command c) {
        if (!caller.hasRole(ROLES)) return Outcome.refused(Access.roleRefusal(ROLES));
        var v = validate(c);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        return save(caller, toTeacher(c)).map(created -> new Saved(toTeacher(c), created));
    }

    /** Field problems of a command, also used row by row by the CSV import. */
    Violations validate(Command c) {
        var v = new Violations();
        v.identifier("id", c.id());
        v.name("name", c.name(), 50);
        if (v.required("jurisdiction", c.jurisdiction()) && !access.tree().exists(c.jurisdiction())) {
            JurisdictionTree.unknown(v, "jurisdiction", c.jurisdiction());
        } else if (c.jurisdiction() != null && access.tree().isSchool(c.jurisdiction())) {
            v.add("jurisdiction", "须为县区代码；学校代码填在 schoolId", "must be the county's code; a school's code goes in schoolId");
        }
        if (c.schoolId() != null) v.identifier("schoolId", c.schoolId());
        if (c.schoolId() != null && c.jurisdiction() != null && access.tree().isSchool(c.schoolId())
                && !org.teachertraining.core.jurisdiction.Jurisdiction.isSchoolCodeOf(c.schoolId(), c.jurisdiction())) {
            // a school's code names its county (its first six digits): another county's school is a slip of the keyboard,
            // and the teacher would be neither that school's (its seats, its admin) nor listed under it
            String county = c.schoolId().substring(0, 6);
            v.add("schoolId", "学校代码 " + c.schoolId() + " 是" + access.tree().nameOf(county) + "的学校，不属于" + access.tree().nameOf(c.jurisdiction()),
                    "school " + c.schoolId() + " is a school of " + county + ", not of " + c.jurisdiction());
        }
        v.required("stage", c.stage());
        v.required("role", c.role());
        v.required("schoolLocation", c.schoolLocation());
        if (c.subjects() != null) {
            if (c.subjects().size() > 20) v.add("subjects", "最多 20 个学科", "at most 20 subjects");
            if (c.subjects().stream().anyMatch(s -> s == null || s.isBlank() || s.strip().length() > 30)) {
                v.add("subjects", "学科名称须为 1–30 个字符", "subject names must be 1-30 characters");
            } else {
                for (int i = 0; i < c.subjects().size(); i++) v.name("subjects[" + i + "]", c.subjects().get(i), 30);
            }
        }
        if (v.required("teachingSince", c.teachingSince())) {
            if (c.teachingSince().isAfter(ChinaTime.today(clock))) v.add("teachingSince", "不能晚于今天", "must not be in the future");
            if (c.teachingSince().getYear() < 1950) v.add("teachingSince", "不能早于 1950 年", "must not be before 1950");
        }
        return v;
    }

    /** Stores a valid teacher if the caller may; true when new. */
    Outcome<Boolean> save(Caller caller, Teacher t) {
        var denied = access.require(caller, t.unit(), ROLES);   // a school admin: the teachers of its own school
        if (denied.isPresent()) return Outcome.refused(denied.get());
        Optional<Teacher> before = teachers.find(t.id());
        if (before.isPresent() && !access.covers(caller, before.get().unit())) {
            return Outcome.refused(Refusal.forbidden(Text.of(
                    "教师 " + t.id() + " 已登记在您管辖范围以外的" + access.tree().nameOf(before.get().jurisdiction()),
                    "Teacher " + t.id() + " is registered in " + before.get().jurisdiction() + ", outside your jurisdiction")));
        }
        boolean created;
        try {
            created = teachers.save(t, before.isPresent());
        } catch (org.teachertraining.core.common.IdOfAnother other) {
            return Outcome.refused(other.refusal(t.id(), Text.of("教师编号", "Teacher ID"), Text.of("同一名教师", "the same teacher")));
        }
        saved.stored(before, t);
        return Outcome.done(created);
    }

    static Teacher toTeacher(Command c) {
        return new Teacher(c.id(), c.name().strip(), c.jurisdiction(), c.schoolId(), c.stage(),
                c.subjects() == null ? List.of() : c.subjects().stream().map(String::strip).toList(),
                c.role(), c.schoolLocation(), c.teachingSince(), c.backboneLevel());
    }
}
