package org.teachertraining.core.mentoring;

import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.CreditEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * T2, the "1+10+100" mentoring communities (名师网络工作室 "师带徒"): one master teacher (名师) leads up to 10 backbone
 * trainees (骨干教师培育对象), each of whom trains up to 100 rural new teachers (乡村新入职教师) for at least 50 hours.
 * This is the slice's vocabulary and its port; the use cases are {@link MentoringCommunities}, {@link MentoringActivities}
 * and {@link MentoringCoverage}.
 */
public final class Mentoring {
    /** T2: backbones per master, new teachers per backbone, the hours each new teacher is trained. */
    public static final int BACKBONES_PER_MASTER = 10, NEW_TEACHERS_PER_BACKBONE = 100, HOURS_PER_NEW_TEACHER = 50;
    /** T2: a new teacher (新入职教师) is in the first three years of teaching in the community's year. */
    public static final int NEW_TEACHER_YEARS = 3;
    /** C4's day: a new teacher is credited at most 8 hours of mentoring a day, in one activity or several. */
    public static final int MAX_ACTIVITY_HOURS = 8;

    private Mentoring() {}

    public enum MemberRole { MASTER, BACKBONE, NEW_TEACHER }

    public enum Status { PENDING, APPROVED, REJECTED }

    /** A community: its owner unit and year, its master, and the counts kept with each change. */
    public record Community(String id, String name, String jurisdiction, int year, String masterTeacherId, String masterName,
                            int backbones, int newTeachers, int trainedNewTeachers, String createdBy, Instant createdAt) {}

    /** A member: the master, a backbone (with its count of new teachers) or a new teacher (with the hours approved so far). */
    public record Member(String communityId, String teacherId, String name, String county, MemberRole role, String backboneId,
                         int newTeachers, int approvedHours, String addedBy, Instant addedAt) {}

    /**
     * One new teacher's hours in one activity, approved (and credited) or rejected by the teacher's county. {@code teacherName}: as
     * the member was added, so the county decides on names, not codes (null on records made before it was kept).
     */
    public record Attendance(String communityId, String activityId, String backboneId, String title, LocalDate date, CreditCategory category,
                             String teacherId, String teacherName, String county, int hours, Status status, String recordedBy, Instant recordedAt,
                             String decidedBy, Instant decidedAt, String note) {
        public Attendance decided(Status status, String by, Instant at, String note) {
            return new Attendance(communityId, activityId, backboneId, title, date, category, teacherId, teacherName, county, hours, status, recordedBy,
                    recordedAt, by, at, note);
        }

        /** The same activity and hours, whoever recorded it when. */
        boolean sameAs(Attendance other) {
            return backboneId.equals(other.backboneId) && title.equals(other.title) && date.equals(other.date) && category == other.category
                    && teacherId.equals(other.teacherId) && hours == other.hours;
        }
    }

    /** A unit's coverage targets for a year. */
    public record Target(String jurisdiction, int year, int masters, int backbones, int newTeachers, String setBy, Instant setAt) {}

    /** Port: communities, members, attendances and targets. */
    public interface Store {
        enum Joined { JOINED, FULL, ALREADY_MEMBER }

        /** Stores the community with its master, unless the master is in a community of that year already (ALREADY_MEMBER). */
        Joined create(Community community, Member master);

        /** Adds a backbone while the community has fewer than {@code max}, the teacher in no community of the year. */
        Joined addBackbone(Community community, Member backbone, int max);

        /** Adds a new teacher to a backbone while it has fewer than {@code max}, the teacher in no community of the year. */
        Joined addNewTeacher(Community community, Member newTeacher, int max);

        Optional<Community> find(String id);

        List<Member> members(String communityId);

        Optional<Member> member(String communityId, String teacherId);

        /** The year's communities owned by units whose code starts with {@code prefix}. */
        List<Community> ofYear(int year, String prefix);

        /** Stores an activity's attendances, all or none, each only if absent; false if any exists. */
        boolean record(List<Attendance> attendances);

        List<Attendance> activity(String communityId, String activityId);

        /**
         * Moves a PENDING attendance to its decision, once. An approval adds the hours to the new teacher's, counts the
         * teacher as trained when they reach {@code trainedAt} hours, adds them to the teacher's approved hours of the
         * activity's day, and appends {@code credit} to the teacher's ledger, all in one transaction. Returns the attendance
         * as stored afterwards: another decision, if one came first; still PENDING if the approval would take the teacher's
         * approved hours of that day past {@code hoursPerDay}, whatever activities gave them.
         */
        Attendance decide(Attendance decided, CreditEntry credit, int trainedAt, int hoursPerDay);

        /** The new teacher's approved hours of a day in the community. */
        int approvedOn(String communityId, String teacherId, LocalDate date);

        /** Attendances awaiting the decision of the county {@code county}, oldest activity first, a page at a time. */
        org.teachertraining.core.common.Page<Attendance> pendingIn(String county, String cursor, int limit);

        void setTarget(Target target);

        Optional<Target> target(String jurisdiction, int year);
    }
}
