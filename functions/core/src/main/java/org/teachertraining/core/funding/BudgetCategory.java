package org.teachertraining.core.funding;

/** Lines of a training budget and of spending (培训费开支范围). */
public enum BudgetCategory {
    /** 住宿费 */ ACCOMMODATION,
    /** 伙食费 */ MEALS,
    /** 场地费 */ VENUE,
    /** 讲课费（师资费） */ LECTURERS,
    /** 资料费 */ MATERIALS,
    /** 交通费 */ TRANSPORT,
    /** 组织管理费 */ MANAGEMENT,
    /** 网络研修费 */ ONLINE_PLATFORM,
    /** 其他 */ OTHER
}
