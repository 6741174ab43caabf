package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.Text;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.project.Project;

import java.time.Instant;

/** 通知到人: the selected teacher's own notice — the project, its dates and where to report — one per enrollment. */
public final class SelectionNotice {
    private SelectionNotice() {}

    /** Selected by the county, the school or an approved application. */
    public static Notification selected(Project p, Enrollment e, Instant at) {
        return Notification.of(Notification.teacher(e.teacherId()), "SELECTED|" + e.id(), "SELECTED", p.id(),
                Text.of("入选：" + p.name(), "Selected: " + p.name()),
                Text.of("您已入选「" + p.name() + "」（" + p.code() + "）" + dates(p), "You were selected for " + p.name() + " (" + p.code() + ")" + datesEn(p)), at);
    }

    /** Promoted from the waitlist into a freed seat (E7). */
    public static Notification promoted(Project p, Enrollment e, Instant at) {
        return Notification.of(Notification.teacher(e.teacherId()), "WAITLIST|" + e.id(), "WAITLIST_PROMOTED", p.id(),
                Text.of("递补入选：" + p.name(), "Selected from the waitlist: " + p.name()),
                Text.of("您已从储备名单递补入选「" + p.name() + "」（" + p.code() + "）" + dates(p),
                        "You were selected from the waitlist for " + p.name() + " (" + p.code() + ")" + datesEn(p)), at);
    }

    private static String dates(Project p) {
        return "，培训时间 " + p.startDate() + " 至 " + p.endDate() + "，请于 " + p.startDate() + " 到承训机构"
                + (p.institutionName() == null ? "（" + p.institutionId() + "）" : "「" + p.institutionName() + "」") + "报到。";
    }

    private static String datesEn(Project p) {
        return ", " + p.startDate() + " to " + p.endDate() + "; report to the training institution"
                + (p.institutionName() == null ? " (" + p.institutionId() + ")" : ", " + p.institutionName() + ",") + " on " + p.startDate() + ".";
    }
}
