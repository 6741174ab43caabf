package org.teachertraining.core.credit;

/** The categories hours are credited in (docs/domain.md C2). 1 学时 = 1 学分. */
public enum CreditCategory {
    /** 集中培训 */
    CENTRALIZED,
    /** 网络研修 (online learning and expert online guidance) */
    ONLINE,
    /** 校本研修 */
    SCHOOL_BASED,
    /** 跟岗 */
    SHADOWING,
    /** 返岗实践 */
    PRACTICE
}
