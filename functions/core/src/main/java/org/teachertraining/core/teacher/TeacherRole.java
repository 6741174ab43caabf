package org.teachertraining.core.teacher;

/** A teacher's post, as projects target it (docs/domain.md E3). */
public enum TeacherRole {
    TEACHER,
    PRINCIPAL,
    HEAD_TEACHER,
    CHIEF_TEACHER,
    LIFE_TEACHER,
    PSYCHOLOGY_TEACHER,
    MORAL_EDUCATION_TEACHER;

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return org.teachertraining.core.common.Labels.zh(this);
    }
}
