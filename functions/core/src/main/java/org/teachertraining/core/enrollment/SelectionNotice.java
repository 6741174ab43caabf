package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.project.Project;

import java.time.Instant;
import java.util.List;

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

    /**
     * The seat the teacher was told of is gone, withdrawn by the bureau before the start (E7). Told with the withdrawal, so
     * nobody reports to a training that is not held for them.
     */
    public static Notification withdrawn(Project p, Enrollment e, Instant at) {
        return released(p, e, Text.of("入选已撤销：" + p.name(), "Selection withdrawn: " + p.name()),
                Text.of("您在「" + p.name() + "」（" + p.code() + "）的入选已由教育行政部门办理退出，名额已释放，无需于 " + p.startDate() + " 报到。",
                        "Your selection for " + p.name() + " (" + p.code() + ") was withdrawn by the education bureau; the seat is freed, and you need not report on "
                                + p.startDate() + "."), at);
    }

    /**
     * The seat is released because an integrity record written since bans the teacher from the project's level (E4,
     * {@link ReleaseBannedSeats}): the teacher is told, and so are the admins of the teacher's county, who selected them
     * and may fill the seat while selection is open.
     */
    public static List<Notification> banned(Project p, Enrollment e, IntegrityRecord ban, Instant at) {
        String record = ban.kind().zh() + "，" + ban.occurredOn();
        String recordEn = Labels.of(ban.kind()).en().toLowerCase(java.util.Locale.ROOT) + " on " + ban.occurredOn();
        var teacher = released(p, e, Text.of("入选已撤销：" + p.name(), "Selection withdrawn: " + p.name()),
                Text.of("因诚信记录（" + record + "），您在 " + ban.bannedUntil() + " 前不能参加省级及以上培训项目，"
                                + "在「" + p.name() + "」（" + p.code() + "）的入选已撤销，名额已释放，无需于 " + p.startDate() + " 报到。",
                        "Because of an integrity record (" + recordEn + ") you may not join provincial or national training before " + ban.bannedUntil()
                                + ": your selection for " + p.name() + " (" + p.code() + ") is withdrawn, the seat freed, and you need not report on "
                                + p.startDate() + "."), at);
        var county = Notification.of(Notification.jurisdiction(e.jurisdiction()), "WITHDRAWN|" + e.id(), "WITHDRAWN", p.id(),
                Text.of("入选已撤销：" + p.name(), "Selection withdrawn: " + p.name()),
                Text.of("教师" + e.teacherName() + "（" + e.teacherId() + "）因诚信记录（" + record + "）在 " + ban.bannedUntil()
                                + " 前不能参加省级及以上培训项目，其在「" + p.name() + "」（" + p.code() + "）的入选已撤销；名额由储备名单中首位符合条件的教师递补，无人递补时退回名额。",
                        e.teacherName() + " (" + e.teacherId() + ") may not join provincial or national training before " + ban.bannedUntil()
                                + " because of an integrity record (" + recordEn + "): their selection for " + p.name() + " (" + p.code()
                                + ") is withdrawn; the seat goes to the first eligible teacher on the waitlist, or back to the pool."), at);
        return List.of(teacher, county);
    }

    /** The project stopped (cancelled, or its application rejected): its selected trainee is released and told. */
    public static Notification projectCancelled(Project p, Enrollment e, Instant at) {
        return released(p, e, Text.of("项目已取消：" + p.name(), "Project cancelled: " + p.name()),
                Text.of("「" + p.name() + "」（" + p.code() + "）已取消，不再举办；您的入选随之撤销，无需于 " + p.startDate() + " 报到。",
                        p.name() + " (" + p.code() + ") was cancelled and will not be held; your selection is withdrawn, and you need not report on "
                                + p.startDate() + "."), at);
    }

    /** The project stopped (cancelled, or its application rejected): a teacher on its waitlist is taken off and told. */
    public static Notification waitlistCancelled(Project p, WaitlistEntry e, Instant at) {
        return Notification.of(Notification.teacher(e.teacherId()), "WAITLIST_CANCELLED|" + p.id() + "|" + e.teacherId() + "|" + e.addedAt(),
                "WAITLIST_CANCELLED", p.id(), Text.of("项目已取消：" + p.name(), "Project cancelled: " + p.name()),
                Text.of("「" + p.name() + "」（" + p.code() + "）已取消，不再举办；您已移出其储备名单，不会再递补入选。",
                        p.name() + " (" + p.code() + ") was cancelled and will not be held; you are off its waitlist and will not be selected from it."), at);
    }

    /** One notice per enrollment released (its ID the enrollment's), whichever way it was. */
    private static Notification released(Project p, Enrollment e, Text title, Text body, Instant at) {
        return Notification.of(Notification.teacher(e.teacherId()), "WITHDRAWN|" + e.id(), "WITHDRAWN", p.id(), title, body, at);
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
