package org.teachertraining.core.integrity;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.teacher.Teacher;

import java.time.Instant;
import java.util.List;

/**
 * Who is told of a step of recourse (E4a), in the same write as the step: an appeal or a county's excuse reaches the
 * inbox of the teacher's province, which decides it (and may review an excuse); an excuse and a decision reach the
 * teacher. One notice per recipient and step.
 */
final class RecourseNotice {
    private RecourseNotice() {}

    static List<Notification> of(Recourse next, IntegrityRecord record, Teacher teacher, JurisdictionTree tree, Instant at) {
        var step = next.steps().get(next.steps().size() - 1);
        String occasion = "E4a|" + record.teacherId() + "|" + record.id() + "|" + next.version();
        String what = " " + record.occurredOn() + " " + record.kind().zh() + "记录";   // 您 2020-10-20 无故未参训记录
        String whatEn = "the record of " + record.occurredOn() + " (" + Labels.of(record.kind()).en().toLowerCase(java.util.Locale.ROOT) + ")";
        String who = teacher.name() + "（" + teacher.id() + "，" + tree.nameOf(teacher.jurisdiction()) + "）";
        String whoEn = teacher.name() + " (" + teacher.id() + ", " + teacher.jurisdiction() + ")";
        var chain = tree.selfAndAncestors(teacher.jurisdiction());
        String province = Notification.jurisdiction(chain.get(chain.size() - 1));
        String mine = Notification.teacher(record.teacherId());
        return switch (step.action()) {
            case APPEAL -> List.of(Notification.of(province, occasion, "INTEGRITY_APPEALED", record.projectId(),
                    Text.of("诚信申诉待决定：" + teacher.name(), "An appeal awaits your decision: " + teacher.name()),
                    Text.of(who + "对" + what + "提出申诉，理由：" + step.reason() + "。请在「诚信申诉」中决定。",
                            whoEn + " appealed " + whatEn + ": " + step.reason() + ". Decide it under Appeals and excuses."), at));
            case EXCUSE -> List.of(
                    Notification.of(mine, occasion, "INTEGRITY_EXCUSED", record.projectId(),
                            Text.of("诚信记录已认定正当理由", "Your record was excused"),
                            Text.of("您" + what + "已由县区认定有正当理由，参训限制解除；省级教育行政部门可复核。",
                                    "Your county excused " + whatEn + "; you may join provincial training again. The province may review it."), at),
                    Notification.of(province, occasion, "INTEGRITY_EXCUSED", record.projectId(),
                            Text.of("县区认定正当理由待复核：" + teacher.name(), "An excuse you may review: " + teacher.name()),
                            Text.of(who + "的" + what + "已由县区认定有正当理由，理由：" + step.reason() + "。可在「诚信申诉」中复核。",
                                    "The county excused " + whatEn + " of " + whoEn + ": " + step.reason() + ". Review it under Appeals and excuses."), at));
            case DECISION -> List.of(Notification.of(mine, occasion, "INTEGRITY_DECIDED", record.projectId(),
                    Text.of("诚信记录复核结果", "The province's decision on your record"),
                    Boolean.TRUE.equals(step.lift())
                            ? Text.of("您" + what + "经省级复核予以撤销，参训限制解除。理由：" + step.reason(),
                                    "The province lifted " + whatEn + "; you may join provincial training again. Reason: " + step.reason())
                            : Text.of("您" + what + "经省级复核予以维持，" + record.bannedUntil() + " 前不得参加省级及以上培训。理由：" + step.reason(),
                                    "The province kept " + whatEn + "; you may not join provincial or national training before " + record.bannedUntil() + ". Reason: " + step.reason()),
                    at));
        };
    }
}
