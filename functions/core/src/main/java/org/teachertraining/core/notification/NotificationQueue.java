package org.teachertraining.core.notification;

/** Port: the queue the notification function delivers from (SQS). */
public interface NotificationQueue {
    void send(Notification n);
}
