package org.teachertraining.core.credit;

import org.teachertraining.core.common.Text;
import org.teachertraining.core.notification.Notification;

import java.time.Instant;

/**
 * C3's reminder in a cycle's last year (kind {@code CYCLE_SHORT}): to each teacher still short, and to each unit the
 * teachers are registered at, how many of its teachers are. One notice per recipient, requirement and cycle: its ID is
 * derived from them, so the same reminder sent again is delivered once.
 */
public final class CycleShortNotice {
    public static final String KIND = "CYCLE_SHORT";

    private CycleShortNotice() {}

    public static Notification toTeacher(Requirement r, ComplianceRow row, Instant at) {
        return Notification.of(Notification.teacher(row.teacherId()), occasion(r, row.cycleFrom()) + "|" + row.teacherId(), KIND, null,
                Text.of("本周期还差 " + row.shortBy() + " 学时" + categories(row, true) + "：" + r.name(),
                        Text.count(row.shortBy(), "hour") + " short this cycle" + categories(row, false) + ": " + r.id()),
                Text.of(row.name() + "：" + r.name() + "（" + row.cycleFrom() + "–" + row.cycleTo() + "）已修 " + row.earned() + "/" + row.required()
                                + " 学时，今年是本周期最后一年。",
                        row.teacherId() + ": " + r.id() + " (" + row.cycleFrom() + "-" + row.cycleTo() + ") " + row.earned() + " of " + row.required()
                                + " hours; this is the cycle's last year."),
                at);
    }

    /** To the admins of {@code unit} ({@code unitName}): {@code teachers} registered there are short in the cycle {@code cycle}. */
    public static Notification toUnit(Requirement r, int[] cycle, String unit, String unitName, int teachers, Instant at) {
        return Notification.of(Notification.jurisdiction(unit), occasion(r, cycle[0]), KIND, null,
                Text.of("本周期学时未达标：" + teachers + " 名教师（" + r.name() + "）",
                        Text.count(teachers, "teacher") + " short this cycle: " + r.id()),
                Text.of(unitName + "登记的教师中有 " + teachers + " 名尚未达到" + r.name() + "（" + cycle[0] + "–" + cycle[1]
                                + "）的要求，今年是本周期最后一年。名单见“学时达标”。",
                        Text.count(teachers, "teacher") + " registered at " + unit + (teachers == 1 ? " is" : " are") + " short of " + r.id() + " (" + cycle[0] + "-" + cycle[1]
                                + "); this is the cycle's last year. The compliance list names them."),
                at);
    }

    private static String categories(ComplianceRow row, boolean zh) {
        if (row.shortByCategory().isEmpty()) return "";
        var named = row.categoriesShort();
        return zh ? "（其中" + named.zh() + "）" : " (including " + named.en() + ")";
    }

    private static String occasion(Requirement r, int cycleFrom) {
        return "C3|" + r.id() + "|" + cycleFrom;
    }
}
