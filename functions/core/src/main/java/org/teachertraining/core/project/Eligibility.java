package org.teachertraining.core.project;

import org.teachertraining.core.teacher.BackboneLevel;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherRole;
import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A project's audience (docs/domain.md E3). Every field is optional; absent or empty means no restriction.
 * {@code annualHoursCap} and {@code nationalParticipationCap} carry the E5 limits as numbers the project sets;
 * {@code refuseWhenYearMet} and {@code nationalCapPerCycle} derive them from the teacher's own cycle requirement
 * (C3): refused once the teacher's credited hours reach the year's share of it (or the whole cycle's), and past
 * the cap of national projects within the teacher's current cycle.
 */
public record Eligibility(Set<Stage> stages, Set<String> subjects, Set<TeacherRole> roles,
                          Set<SchoolLocation> schoolLocations, Integer minTeachingYears,
                          Set<BackboneLevel> backboneLevels, Integer annualHoursCap,
                          NationalParticipationCap nationalParticipationCap,
                          Boolean refuseWhenYearMet, Integer nationalCapPerCycle) {

    /** The audience without the limits derived from the teacher's requirement (E5: {@code refuseWhenYearMet}, {@code nationalCapPerCycle}). */
    public Eligibility(Set<Stage> stages, Set<String> subjects, Set<TeacherRole> roles, Set<SchoolLocation> schoolLocations,
                       Integer minTeachingYears, Set<BackboneLevel> backboneLevels, Integer annualHoursCap,
                       NationalParticipationCap nationalParticipationCap) {
        this(stages, subjects, roles, schoolLocations, minTeachingYears, backboneLevels, annualHoursCap, nationalParticipationCap, null, null);
    }

    /** E5: at most {@code max} national projects since {@code sinceYear} (the start of the cycle). */
    public record NationalParticipationCap(Integer max, Integer sinceYear) {}

    public static final Eligibility OPEN = new Eligibility(null, null, null, null, null, null, null, null);

    public Eligibility {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        // stripped as a teacher's subjects are: "数学 " pasted into a project is the 数学 its teachers teach
        subjects = subjects == null ? Set.of() : subjects.stream().map(s -> s == null ? null : s.strip()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        schoolLocations = schoolLocations == null ? Set.of() : Set.copyOf(schoolLocations);
        backboneLevels = backboneLevels == null ? Set.of() : Set.copyOf(backboneLevels);
    }

    /** A criterion the teacher does not meet (E3). */
    public record Failure(String criterion, Text message) {}

    /** The first criterion the teacher fails on {@code date}, if any. */
    public Optional<Failure> check(Teacher t, LocalDate date) {
        if (!stages.isEmpty() && !stages.contains(t.stage())) {
            var wanted = names(stages);
            return fail("stage", "学段不符：项目面向" + wanted.zh() + "，该教师为" + Labels.zh(t.stage()),
                    "Stage: the project is for " + wanted.en() + "; the teacher teaches " + Labels.of(t.stage()).en());
        }
        if (!subjects.isEmpty() && t.subjects().stream().noneMatch(subjects::contains)) {
            return fail("subjects", "学科不符：项目面向" + String.join("、", subjects) + "，该教师任教" + String.join("、", t.subjects()),
                    "Subjects: the project is for " + String.join(", ", subjects) + "; the teacher teaches " + String.join(", ", t.subjects()));
        }
        if (!roles.isEmpty() && !roles.contains(t.role())) {
            var wanted = names(roles);
            return fail("role", "岗位不符：项目面向" + wanted.zh() + "，该教师为" + Labels.zh(t.role()),
                    "Post: the project is for " + wanted.en() + "; the teacher is " + Labels.of(t.role()).en());
        }
        if (!schoolLocations.isEmpty() && !schoolLocations.contains(t.schoolLocation())) {
            var wanted = names(schoolLocations);
            return fail("schoolLocation", "学校所在地不符：项目面向" + wanted.zh() + "，该教师学校在" + Labels.zh(t.schoolLocation()),
                    "School location: the project is for " + wanted.en() + "; the teacher's school is " + Labels.of(t.schoolLocation()).en());
        }
        if (minTeachingYears != null && t.teachingYearsOn(date) < minTeachingYears) {
            return fail("minTeachingYears", "教龄不足：要求 " + minTeachingYears + " 年以上，该教师 " + t.teachingYearsOn(date) + " 年",
                    "Teaching years: " + minTeachingYears + " required, the teacher has " + t.teachingYearsOn(date));
        }
        if (!backboneLevels.isEmpty() && (t.backboneLevel() == null || !backboneLevels.contains(t.backboneLevel()))) {
            var wanted = names(backboneLevels);
            return fail("backboneLevel", "骨干级别不符：项目面向" + wanted.zh() + "，该教师为" + (t.backboneLevel() == null ? "非骨干教师" : Labels.zh(t.backboneLevel())),
                    "Backbone level: the project is for " + wanted.en() + "; the teacher is " + (t.backboneLevel() == null ? "not a backbone teacher" : Labels.of(t.backboneLevel()).en()));
        }
        return Optional.empty();
    }

    /** The names of the wanted values in the enumeration's order (codes stay out of sentences, in either language). */
    private static <E extends Enum<E>> Text names(java.util.Collection<E> values) {
        return Labels.list(values.stream().sorted().toList());
    }

    private static Optional<Failure> fail(String criterion, String zh, String en) {
        return Optional.of(new Failure(criterion, Text.of(zh, en)));
    }
}
