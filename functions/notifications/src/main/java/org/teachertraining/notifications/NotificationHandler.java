package org.teachertraining.notifications;

import org.teachertraining.adapters.aws.Priming;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.adapters.dynamodb.DynamoDbNotifications;
import org.teachertraining.core.notification.Notification;
import org.teachertraining.core.notification.Notifications;

import java.util.ArrayList;


/**
 * Consumes the notification queue: each message is one Notification, delivered to its recipient's inbox and
 * the outbox once (a redelivery finds it delivered). A message that cannot be read or written is reported as
 * a batch item failure and, after the queue's maxReceiveCount, lands in its dead-letter queue.
 */
public class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Notifications notifications;
    private final TrainingTable table;

    /** In Lambda: the process environment and the system clock. */
    public NotificationHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public NotificationHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        this.notifications = new DynamoDbNotifications(table);
        this.table = table;
        Priming.beforeSnapshot("NotificationFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: a refused put and a refused transaction, the requests a
     * delivery makes, and the JSON of the records the table stores ({@link TrainingTable#prime}). Its role may only put:
     * the read it primed with until 2026-12-05 was denied in AWS. None changes an item.
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.PUT_ITEM);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            try {
                var n = StoredJson.read(message.getBody(), Notification.class);
                if (n.id() == null || n.recipient() == null || n.occasion() == null) throw new IllegalArgumentException("not a notification");
                notifications.deliver(n);
            } catch (RuntimeException e) {
                System.out.println("{\"level\":\"ERROR\",\"messageId\":\"" + message.getMessageId() + "\",\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
