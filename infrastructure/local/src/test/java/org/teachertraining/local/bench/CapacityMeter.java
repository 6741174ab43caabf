package org.teachertraining.local.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Asks DynamoDB for the capacity every request consumed (ReturnConsumedCapacity TOTAL) and adds it up, read
 * and write units apart: the cost of an operation is the difference across it.
 */
final class CapacityMeter implements ExecutionInterceptor {
    final DoubleAdder reads = new DoubleAdder(), writes = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        var r = context.request();
        var total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof UpdateItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof DeleteItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof GetItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof QueryRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactWriteItemsRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof BatchWriteItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse r = context.response();
        if (r instanceof PutItemResponse p) write(p.consumedCapacity());
        else if (r instanceof UpdateItemResponse p) write(p.consumedCapacity());
        else if (r instanceof DeleteItemResponse p) write(p.consumedCapacity());
        else if (r instanceof TransactWriteItemsResponse p) p.consumedCapacity().forEach(this::write);
        else if (r instanceof BatchWriteItemResponse p) p.consumedCapacity().forEach(this::write);
        else if (r instanceof GetItemResponse p) read(p.consumedCapacity());
        else if (r instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse p) p.consumedCapacity().forEach(this::read);
        else if (r instanceof QueryResponse p) read(p.consumedCapacity());
    }

    private void write(ConsumedCapacity c) {
        if (c != null) writes.add(c.writeCapacityUnits() != null ? c.writeCapacityUnits() : c.capacityUnits() == null ? 0 : c.capacityUnits());
    }

    private void read(ConsumedCapacity c) {
        if (c != null) reads.add(c.readCapacityUnits() != null ? c.readCapacityUnits() : c.capacityUnits() == null ? 0 : c.capacityUnits());
    }

    double[] snapshot() {
        return new double[]{reads.sum(), writes.sum()};
    }

    static List<Double> since(double[] before, double[] after, int operations) {
        return List.of((after[0] - before[0]) / operations, (after[1] - before[1]) / operations);
    }
}
