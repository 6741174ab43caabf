package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.funding.TrainingBudgets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** F3's records: TRAININGBUDGET#unit / YEAR#year; GSI2 TRAININGBUDGETS#year / parent#unit lists the units below one unit. */
public final class DynamoDbTrainingBudgets implements TrainingBudgets.Records {
    private final TrainingTable table;

    public DynamoDbTrainingBudgets(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void put(TrainingBudgets.Recorded r) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("TRAININGBUDGET#" + r.jurisdiction()), "SK", s("YEAR#" + r.year()),
                "type", s("TRAININGBUDGET"), "GSI2PK", s("TRAININGBUDGETS#" + r.year()), "GSI2SK", s(r.parent() + "#" + r.jurisdiction()),
                "data", s(TrainingTable.toJson(r)))));
    }

    @Override
    public Optional<TrainingBudgets.Recorded> find(String jurisdiction, int year) {
        return table.read("TRAININGBUDGET#" + jurisdiction, "YEAR#" + year, TrainingBudgets.Recorded.class);
    }

    @Override
    public List<TrainingBudgets.Recorded> below(String parent, int year) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI2)
                        .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :parent)")
                        .expressionAttributeValues(Map.of(":pk", s("TRAININGBUDGETS#" + year), ":parent", s(parent + "#"))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), TrainingBudgets.Recorded.class)).toList();
    }
}
