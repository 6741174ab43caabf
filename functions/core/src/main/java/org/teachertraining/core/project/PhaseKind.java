package org.teachertraining.core.project;

/** The kinds of phase a blended training project is made of. */
public enum PhaseKind {
    /** 能力诊断 */
    DIAGNOSIS,
    /** 集中培训 / 专题培训 */
    CENTRALIZED,
    /** 跟岗研修 */
    SHADOWING,
    /** 名校访学 / 名校观摩 */
    SCHOOL_VISIT,
    /** 返岗实践 */
    RETURN_PRACTICE,
    /** 网络研修 / 在线伴随 */
    ONLINE
}
