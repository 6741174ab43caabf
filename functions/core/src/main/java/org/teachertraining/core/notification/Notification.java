package org.teachertraining.core.notification;

import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A message for one recipient on one occasion (a reminder before the cutoff, a deliverable overdue…).
 * Its ID is derived from recipient and occasion, so the same reminder is one notification however often it
 * is produced.
 *
 * @param recipient an inbox: {@code JURISDICTION#code} (its admins), {@code INSTITUTION#id}, {@code TEACHER#id}
 */
public record Notification(String id, String recipient, String occasion, String kind, String projectId, Text title, Text body,
                           Instant createdAt, Instant readAt) {

    public static Notification of(String recipient, String occasion, String kind, String projectId, Text title, Text body, Instant at) {
        return new Notification(idOf(recipient, occasion), recipient, occasion, kind, projectId, title, body, at, null);
    }

    public Notification read(Instant at) {
        return new Notification(id, recipient, occasion, kind, projectId, title, body, createdAt, at);
    }

    public static String jurisdiction(String code) {
        return "JURISDICTION#" + code;
    }

    public static String institution(String id) {
        return "INSTITUTION#" + id;
    }

    public static String teacher(String id) {
        return "TEACHER#" + id;
    }

    /** The inbox a caller reads: a teacher's own, an institution's, or the admins' of a jurisdiction. */
    public static String inboxOf(Caller c) {
        if (c.role() == Role.TEACHER && c.teacherId() != null) return teacher(c.teacherId());
        if (c.role() == Role.INSTITUTION && c.institutionId() != null) return institution(c.institutionId());
        if (c.role().isAdmin() && c.jurisdiction() != null) return jurisdiction(c.jurisdiction());
        return "USER#" + c.userId();
    }

    static String idOf(String recipient, String occasion) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((recipient + "|" + occasion).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
