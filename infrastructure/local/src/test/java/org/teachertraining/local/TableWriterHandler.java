package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Map;

/** A fixture function (IamEnforcementIT): reads, writes or deletes in a transaction, as its input says, with its own clients. */
public final class TableWriterHandler implements RequestHandler<Map<String, String>, String> {
    private final DynamoDbClient dynamo;
    private final String table;

    public TableWriterHandler(FunctionEnvironment environment) {
        this.dynamo = environment.dynamoDb();
        this.table = environment.require("TRAINING_TABLE");
    }

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        var key = Map.of("PK", AttributeValue.fromS("K"), "SK", AttributeValue.fromS(input.getOrDefault("sk", "1")));
        switch (input.get("do")) {
            case "get" -> dynamo.getItem(b -> b.tableName(table).key(key));
            case "put" -> dynamo.putItem(b -> b.tableName(table).item(key));
            case "move" -> dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("PK", AttributeValue.fromS("K"), "SK", AttributeValue.fromS("2"))).build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build()));
            default -> throw new IllegalArgumentException(input.get("do"));
        }
        return "done";
    }
}
