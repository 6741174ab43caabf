package org.teachertraining.core.teacher;

import java.time.LocalDate;
import java.util.List;

/** A teacher (学员) of a school in a jurisdiction. {@code id} is the platform's teacher number. */
public record Teacher(String id, String name, String jurisdiction, String schoolId, Stage stage,
                      List<String> subjects, TeacherRole role, SchoolLocation schoolLocation,
                      LocalDate teachingSince, BackboneLevel backboneLevel) {
    public Teacher {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /**
     * The unit the teacher belongs to in the tree: their school when {@code schoolId} is a school code of their
     * county (the county's six digits and four more, see {@code Jurisdiction}), else their county. Access to the
     * teacher and the seat they take follow it (名额到校).
     */
    public String unit() {
        return org.teachertraining.core.jurisdiction.Jurisdiction.isSchoolCodeOf(schoolId, jurisdiction) ? schoolId : jurisdiction;
    }

    /** Whole years of teaching completed on {@code date}. */
    public int teachingYearsOn(LocalDate date) {
        return java.time.Period.between(teachingSince, date).getYears();
    }
}
