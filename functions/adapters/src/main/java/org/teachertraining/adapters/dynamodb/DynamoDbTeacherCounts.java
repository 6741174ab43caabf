package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.evaluation.HighEndShares;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** Full-time teacher counts (T1): PK=TEACHERCOUNT#unit, SK=YEAR#year (GSI2 TEACHERCOUNTS#year / unit, a year's counts). */
public final class DynamoDbTeacherCounts implements HighEndShares.TeacherCounts {
    private final TrainingTable table;

    public DynamoDbTeacherCounts(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void set(HighEndShares.TeacherCount c) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("TEACHERCOUNT#" + c.jurisdiction()), "SK", s("YEAR#" + c.year()),
                "type", s("TEACHERCOUNT"), "GSI2PK", s("TEACHERCOUNTS#" + c.year()), "GSI2SK", s(c.jurisdiction()), "data", s(TrainingTable.toJson(c)))));
    }

    @Override
    public Optional<HighEndShares.TeacherCount> find(String jurisdiction, int year) {
        return table.read("TEACHERCOUNT#" + jurisdiction, "YEAR#" + year, HighEndShares.TeacherCount.class);
    }

    @Override
    public List<HighEndShares.TeacherCount> ofYear(int year) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI2)
                        .keyConditionExpression("GSI2PK = :pk").expressionAttributeValues(Map.of(":pk", s("TEACHERCOUNTS#" + year))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), HighEndShares.TeacherCount.class)).toList();
    }
}
