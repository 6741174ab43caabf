package org.teachertraining.core.integrity;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.notification.Notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 通知到人 of an integrity record (E4), in the same write as the record: the teacher learns of the ban and of the
 * recourse open to them (E4a) while there is time to use it; for a no-show the teacher's county learns it too, since
 * the county may excuse a no-show with evidence. One notice per recipient and record, however often it is written.
 */
public final class IntegrityNotice {
    private IntegrityNotice() {}

    /**
     * @param teacherName the teacher's name, for the county's notice
     * @param projectName the project's name, as the teacher knows it
     * @param county      the county of the teacher's seat (the enrollment's jurisdiction), told of a no-show
     * @param source      what wrote it ("lifecycle", a completion's or correction's ID): two sources of one record
     *                    tell it twice rather than one failing on the other's notice
     */
    public static List<Notification> recorded(IntegrityRecord record, String teacherName, String projectName, String county, String source,
                                              Instant at) {
        String occasion = "E4|" + record.teacherId() + "|" + record.id() + "|" + source;
        String what = "「" + projectName + "」" + record.occurredOn() + " " + record.kind().zh();
        String whatEn = Labels.of(record.kind()).en().toLowerCase(java.util.Locale.ROOT) + " in " + projectName + " on " + record.occurredOn();
        var notices = new ArrayList<Notification>();
        notices.add(Notification.of(Notification.teacher(record.teacherId()), occasion, "INTEGRITY_RECORDED", record.projectId(),
                Text.of("诚信记录：" + record.kind().zh(), "An integrity record: " + Labels.of(record.kind()).en().toLowerCase(java.util.Locale.ROOT)),
                Text.of("您在" + what + "，已记入诚信档案，" + record.bannedUntil() + " 前不能参加省级及以上培训项目。"
                                + (record.kind() == IntegrityRecord.Kind.NO_SHOW ? "如有特殊情况，请向县区教育局提交证明，由其认定；" : "")
                                + "如有异议，可在「我的培训」的「我的诚信记录」中向省级教育行政部门申诉。",
                        "Your " + whatEn + " is on your integrity file: you may not join provincial or national training before "
                                + record.bannedUntil() + "."
                                + (record.kind() == IntegrityRecord.Kind.NO_SHOW ? " If you had good cause, give your county the evidence to excuse it;" : "")
                                + " you may appeal it to the province under My training, My integrity records."), at));
        if (record.kind() == IntegrityRecord.Kind.NO_SHOW && county != null) {
            notices.add(Notification.of(Notification.jurisdiction(county), occasion, "INTEGRITY_RECORDED", record.projectId(),
                    Text.of("学员未报到：" + projectName, "A trainee did not report: " + projectName),
                    Text.of("教师" + teacherName + "（" + record.teacherId() + "）在" + what + "，已记入诚信档案（" + record.bannedUntil() + " 前不能参加省级及以上培训）。"
                                    + "如有特殊情况，可在「教师」中该教师的诚信记录里凭证明认定正当理由。",
                            teacherName + " (" + record.teacherId() + "): " + whatEn + ", now on their integrity file (no provincial or national training before "
                                    + record.bannedUntil() + "). If they had good cause, excuse it with the evidence from their integrity records under Teachers."), at));
        }
        return notices;
    }
}
