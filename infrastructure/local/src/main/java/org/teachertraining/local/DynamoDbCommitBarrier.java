package org.teachertraining.local;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB Local 2.6.1 answers a write before the write is on disk: its {@code commitTransaction} queues
 * the SQLite COMMIT on its single database thread (sqlite4java's {@code SQLiteQueue}) without waiting for it,
 * so a kill -9 right after the answer can lose an acknowledged write (seen in StopAndRestartIT, about one run
 * in ten under load). That thread runs its jobs in order, so a read sent after the write returns only once
 * the COMMIT ran. With data on disk, every function's DynamoDB client makes that read after each write,
 * before the function goes on: what the platform acknowledges is committed.
 */
final class DynamoDbCommitBarrier implements ExecutionInterceptor {
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    private static final Map<String, AttributeValue> NO_SUCH_KEY = Map.of("PK", AttributeValue.fromS("#commit-barrier"), "SK", AttributeValue.fromS("#commit-barrier"));

    private final DynamoDbClient emulator;

    /** @param emulator a client of the runtime's own (no interceptors) to the same DynamoDB Local */
    DynamoDbCommitBarrier(DynamoDbClient emulator) {
        this.emulator = emulator;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!"DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) return;
        if (!WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) return;
        table(context).ifPresent(table -> emulator.getItem(b -> b.tableName(table).key(NO_SUCH_KEY)));
    }

    private static Optional<String> table(Context.AfterExecution context) {
        var request = context.request();
        if (request instanceof TransactWriteItemsRequest t && !t.transactItems().isEmpty()) {
            var item = t.transactItems().get(0);
            if (item.put() != null) return Optional.of(item.put().tableName());
            if (item.update() != null) return Optional.of(item.update().tableName());
            if (item.delete() != null) return Optional.of(item.delete().tableName());
            if (item.conditionCheck() != null) return Optional.of(item.conditionCheck().tableName());
        }
        if (request instanceof BatchWriteItemRequest b) return b.requestItems().keySet().stream().findFirst();
        return request.getValueForField("TableName", String.class);
    }
}
