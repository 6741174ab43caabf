package org.teachertraining.adapters.sqs;

import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.notification.NotificationQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends a notification to the notification queue as JSON (the Notification record, docs/notifications.md). */
public final class SqsNotificationQueue implements NotificationQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNotificationQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Notification n) {
        String body = StoredJson.write(n);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
