package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** Programs: PK=PROGRAM#id, SK=PROGRAM, the record as JSON in {@code data}. */
public final class DynamoDbPrograms implements Programs {
    private final TrainingTable table;

    public DynamoDbPrograms(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void add(Program program) {
        table.client().putItem(PutItemRequest.builder().tableName(table.name())
                .item(Map.of("PK", s("PROGRAM#" + program.id()), "SK", s("PROGRAM"), "type", s("PROGRAM"),
                        "data", s(TrainingTable.toJson(program))))
                .conditionExpression("attribute_not_exists(PK)").build());
    }

    @Override
    public Optional<Program> find(String id) {
        return table.get("PROGRAM#" + id, "PROGRAM").map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Program.class));
    }
}
