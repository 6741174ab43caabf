package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.Requirement;
import org.teachertraining.core.credit.RequirementBook;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * C3's versions: REQUIREMENT#id / VERSION#nnnn, put only if absent (two concurrent changes cannot both become the same
 * version), in one transaction with the ID's case guard ({@link CaseGuards}: one requirement per ID whatever its case).
 * GSI1 REQUIREMENTS#unit / id#nnnn holds what one unit set (a teacher's reads query the partitions of its
 * county, city and province); GSI2 REQUIREMENTS / unit#id#nnnn holds them all, for the yearly reminders only.
 */
public final class DynamoDbRequirementVersions implements RequirementBook.Versions {
    private static final String ALL = "REQUIREMENTS";
    private final TrainingTable table;

    public DynamoDbRequirementVersions(TrainingTable table) {
        this.table = table;
    }

    @Override
    public List<Requirement> ofUnits(List<String> units) {
        var out = new ArrayList<Requirement>();
        for (String unit : units) {
            table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI1)
                            .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk", s(ALL + "#" + unit))))
                    .items().forEach(i -> out.add(TrainingTable.fromJson(TrainingTable.str(i, "data"), Requirement.class)));
        }
        return out;
    }

    @Override
    public List<Requirement> all() {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI2)
                        .keyConditionExpression("GSI2PK = :pk").expressionAttributeValues(Map.of(":pk", s(ALL))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Requirement.class)).toList();
    }

    @Override
    public List<Requirement> of(String id) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("REQUIREMENT#" + id), ":sk", s("VERSION#"))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Requirement.class)).toList();
    }

    @Override
    public boolean add(Requirement r) {
        String version = String.format("%04d", r.version());
        var item = Map.of("PK", s("REQUIREMENT#" + r.id()), "SK", s("VERSION#" + version),
                "type", s("REQUIREMENT"), "GSI1PK", s(ALL + "#" + r.jurisdiction()), "GSI1SK", s(r.id() + "#" + version),
                "GSI2PK", s(ALL), "GSI2SK", s(r.jurisdiction() + "#" + r.id() + "#" + version), "data", s(TrainingTable.toJson(r)));
        var failed = table.transact(List.of(CaseGuards.claim(table, "REQUIREMENT", r.id()),
                TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)")).build()));
        if (failed.isEmpty()) return true;
        if (TrainingTable.failed(failed.get(), 1)) return false;
        throw CaseGuards.heldByAnother(table, "REQUIREMENT", r.id());
    }

    @Override
    public Optional<String> setAs(String id) {
        return CaseGuards.inAnotherCase(table, "REQUIREMENT", id);
    }
}
