package org.teachertraining.core.notification;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;

import java.time.Clock;

/** {@code GET /me/notifications} and marking one read: a caller sees its own inbox only. */
public final class ReadNotifications {
    private final Notifications notifications;
    private final Clock clock;

    public ReadNotifications(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public Outcome<Page<Notification>> inbox(Caller caller, String cursor, Integer limit) {
        var v = new Violations();
        v.range("limit", limit, 1, 100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        try {
            return Outcome.done(notifications.inbox(Notification.inboxOf(caller), cursor, limit == null ? 20 : limit));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }

    public Outcome<Notification> markRead(Caller caller, String id) {
        return notifications.markRead(Notification.inboxOf(caller), id, clock.instant()).<Outcome<Notification>>map(Outcome::done)
                .orElse(Outcome.refused(Refusal.notFound(Text.of("没有这条通知：" + id, "No notification " + id))));
    }
}
