package org.teachertraining.core.notification;

import org.teachertraining.core.common.Page;

import java.util.Optional;

/**
 * Port: inboxes, and the outbox a mail or SMS adapter consumes. {@link #deliver} writes the inbox entry and
 * the outbox record together, once per ID: delivering the same notification again changes nothing.
 */
public interface Notifications {
    /** True if delivered now; false if it was delivered before. */
    boolean deliver(Notification n);

    /** The recipient's notifications, unread first, newest first within each. */
    Page<Notification> inbox(String recipient, String cursor, int limit);

    /** Marks one read; empty when the recipient has no such notification. */
    Optional<Notification> markRead(String recipient, String id, java.time.Instant at);
}
