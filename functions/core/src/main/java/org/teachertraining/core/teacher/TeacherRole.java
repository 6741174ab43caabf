package org.teachertraining.core.teacher;

/** A teacher's post, as projects target it (docs/domain.md E3). */
public enum TeacherRole {
    TEACHER,
    PRINCIPAL,
    /** 班主任 */
    HEAD_TEACHER,
    /** 乡村首席教师 */
    CHIEF_TEACHER,
    /** 寄宿制学校生活指导教师 */
    LIFE_TEACHER,
    /** 心理健康教育教师 */
    PSYCHOLOGY_TEACHER,
    /** 道德与法治 / 思政 */
    MORAL_EDUCATION_TEACHER
}
