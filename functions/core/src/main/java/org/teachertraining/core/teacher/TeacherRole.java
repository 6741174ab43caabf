package org.teachertraining.core.teacher;

/** A teacher's post, as projects target it (docs/domain.md E3). */
public enum TeacherRole {
    TEACHER("教师"),
    PRINCIPAL("校（园）长"),
    HEAD_TEACHER("班主任"),
    CHIEF_TEACHER("乡村首席教师"),
    LIFE_TEACHER("寄宿制学校生活指导教师"),
    PSYCHOLOGY_TEACHER("心理健康教育教师"),
    MORAL_EDUCATION_TEACHER("道德与法治教师");

    private final String zh;

    TeacherRole(String zh) {
        this.zh = zh;
    }

    /** The name in Chinese, for messages (never the code). */
    public String zh() {
        return zh;
    }
}
