package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.program.Programs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Programs: PK=PROGRAM#id, SK=PROGRAM, the record as JSON in {@code data}; GSI1 PROGRAMS#year /
 * level#owner#id lists a year's programs by level, and {@code owner} (the owning jurisdiction) filters them.
 */
public final class DynamoDbPrograms implements Programs {
    private final TrainingTable table;

    public DynamoDbPrograms(TrainingTable table) {
        this.table = table;
    }

    @Override
    public boolean add(Program program) {
        try {
            table.client().putItem(PutItemRequest.builder().tableName(table.name())
                    .item(Map.of("PK", s("PROGRAM#" + program.id()), "SK", s("PROGRAM"), "type", s("PROGRAM"),
                            "data", s(TrainingTable.toJson(program)), "owner", s(program.jurisdiction()),
                            "GSI1PK", s(yearKey(program.year())), "GSI1SK", s(program.level() + "#" + program.jurisdiction() + "#" + program.id())))
                    .conditionExpression("attribute_not_exists(PK)").build());
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Page<Program> ofYear(int year, ProgramLevel level, Set<String> owners, String cursor, int limit) {
        String prefix = level == null ? "" : level + "#";
        var values = new HashMap<String, AttributeValue>(Map.of(":pk", s(yearKey(year))));
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1);
        if (prefix.isEmpty()) {
            request.keyConditionExpression("GSI1PK = :pk");
        } else {
            request.keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)");
            values.put(":prefix", s(prefix));
        }
        if (owners != null) {
            var names = new ArrayList<String>();
            int i = 0;
            for (String owner : owners) {
                names.add(":o" + i);
                values.put(":o" + i++, s(owner));
            }
            request.filterExpression("#owner IN (" + String.join(", ", names) + ")").expressionAttributeNames(Map.of("#owner", "owner"));
        }
        request.expressionAttributeValues(values);
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI1PK", yearKey(year), "GSI1SK", prefix));
        // the year's programs of every unit share one partition: a county's page reads on past the others' until it is full
        return table.filledPage(request.build(), List.of("PK", "SK", "GSI1PK", "GSI1SK"), limit, owners != null,
                i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Program.class));
    }

    private static String yearKey(int year) {
        return "PROGRAMS#" + year;
    }

    @Override
    public Optional<Program> find(String id) {
        return table.get("PROGRAM#" + id, "PROGRAM").map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Program.class));
    }
}
