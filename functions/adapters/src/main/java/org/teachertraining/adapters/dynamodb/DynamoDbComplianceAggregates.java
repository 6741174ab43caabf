package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.credit.ComplianceAggregates;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Compliance aggregates: PK=TEACHER#id, SK=COMPLIANCE#requirement#cycleFrom, with the length of the ledger
 * they were computed from ({@code ledgerEntries}); every write is conditional on not going back to a
 * shorter ledger. Rows of teachers still short carry GSI2 = COMPLIANCE#requirement#cycleFrom /
 * jurisdiction#school#teacherId; a met row has no GSI2 keys, so the sparse index holds exactly who is
 * short, and a GB/T 2260 code prefix of the sort key selects a county, a city's subtree or the province.
 */
public final class DynamoDbComplianceAggregates implements ComplianceAggregates {
    private static final String NOT_OLDER = "attribute_not_exists(PK) OR ledgerEntries <= :n";

    private final TrainingTable table;

    public DynamoDbComplianceAggregates(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void replace(String teacherId, List<ComplianceRow> rows, int ledgerEntries) {
        var n = Map.of(":n", AttributeValue.fromN(Integer.toString(ledgerEntries)));
        var kept = new HashSet<String>();
        for (var r : rows) {
            String sk = key(r.requirementId(), r.cycleFrom());
            kept.add(sk);
            var item = new HashMap<String, AttributeValue>(Map.of("PK", s("TEACHER#" + teacherId), "SK", s(sk), "type", s("COMPLIANCE"),
                    "data", s(TrainingTable.toJson(r)), "ledgerEntries", n.get(":n")));
            if (!r.met()) {
                item.put("GSI2PK", s(sk));
                item.put("GSI2SK", s(r.jurisdiction() + "#" + school(r.schoolId()) + "#" + r.teacherId()));
                if (r.schoolId() != null) item.put("schoolId", s(r.schoolId()));
            }
            conditionally(() -> table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression(NOT_OLDER)
                    .expressionAttributeValues(n)));
        }
        // rows of requirements that no longer apply (a teacher who moved province or stopped being a head teacher)
        var existing = table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":sk", s("COMPLIANCE#")))).items();
        for (var old : existing) {
            if (kept.contains(TrainingTable.str(old, "SK"))) continue;
            conditionally(() -> table.client().deleteItem(b -> b.tableName(table.name()).key(Map.of("PK", old.get("PK"), "SK", old.get("SK")))
                    .conditionExpression(NOT_OLDER).expressionAttributeValues(n)));
        }
    }

    @Override
    public Page<ComplianceRow> shortIn(String jurisdiction, String requirementId, int cycleFrom, String schoolId, String cursor, int limit) {
        String pk = key(requirementId, cycleFrom);
        String subtree = JurisdictionTree.subtreePrefix(jurisdiction);
        boolean county = subtree.equals(jurisdiction);
        // a county's schools are a key prefix; above a county, a school is filtered within the subtree
        String prefix = schoolId != null && county ? jurisdiction + "#" + schoolId + "#" : subtree;
        var values = new HashMap<String, AttributeValue>(Map.of(":pk", s(pk), ":prefix", s(prefix)));
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI2).limit(limit)
                .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :prefix)");
        if (schoolId != null && !county) {
            request.filterExpression("schoolId = :school");
            values.put(":school", s(schoolId));
        }
        request.expressionAttributeValues(values);
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI2PK", pk, "GSI2SK", prefix));
        return table.page(request.build(), i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), ComplianceRow.class));
    }

    private static void conditionally(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            // a refresh from a longer ledger got there first; its rows stand
        }
    }

    /** The row's sort key under its teacher, and the index partition of the requirement's cycle: the same string. */
    private static String key(String requirementId, int cycleFrom) {
        return "COMPLIANCE#" + requirementId + "#" + cycleFrom;
    }

    private static String school(String schoolId) {
        return schoolId == null ? "-" : schoolId;
    }
}
