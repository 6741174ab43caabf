package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.credit.ComplianceAggregates;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * Compliance aggregates: PK=TEACHER#id, SK=COMPLIANCE#requirement#cycleFrom, with the length of the ledger
 * they were computed from ({@code ledgerEntries}); every write is conditional on not going back to a
 * shorter ledger. Rows of teachers still short carry GSI2 = COMPLIANCE#requirement#cycleFrom /
 * jurisdiction#school#teacherId; a met row has no GSI2 keys, so the sparse index holds exactly who is
 * short, and a GB/T 2260 code prefix of the sort key selects a county, a city's subtree or the province.
 * The rows sort just before the teacher's ledger ({@code CREDIT#}), so one Query of the range from
 * {@code COMPLIANCE#} to the end of {@code CREDIT#} reads both for a refresh.
 */
public final class DynamoDbComplianceAggregates implements ComplianceAggregates {
    private static final String NOT_OLDER = "attribute_not_exists(PK) OR ledgerEntries <= :n";
    private static final String ROW = "COMPLIANCE#";
    private static final String ENTRY = "CREDIT#";
    /** The first sort key after every {@code CREDIT#…} ('$' follows '#'). */
    private static final String AFTER_LEDGER = "CREDIT$";

    private final TrainingTable table;

    public DynamoDbComplianceAggregates(TrainingTable table) {
        this.table = table;
    }

    /**
     * One consistent Query (paged by DynamoDB past 1 MB) of the teacher's rows and ledger entries: the range from
     * {@code COMPLIANCE#} to the end of {@code CREDIT#}, which no other kind of item under a teacher falls in (an item
     * that did would be ignored).
     */
    @Override
    public Standing standing(String teacherId) {
        var ledger = new ArrayList<org.teachertraining.core.credit.CreditEntry>();
        var stored = new HashSet<ComplianceRow.Key>();
        var items = table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :rows AND :end")
                .expressionAttributeValues(Map.of(":pk", s("TEACHER#" + teacherId), ":rows", s(ROW), ":end", s(AFTER_LEDGER)))).items();
        for (var item : items) {
            String sk = TrainingTable.str(item, "SK");
            if (sk.startsWith(ENTRY)) ledger.add(DynamoDbLedger.entry(item));
            else if (sk.startsWith(ROW)) stored.add(rowKey(sk));
        }
        return new Standing(List.copyOf(ledger), Set.copyOf(stored));
    }

    @Override
    public void replace(String teacherId, List<ComplianceRow> rows, int ledgerEntries, Set<ComplianceRow.Key> stored) {
        var n = Map.of(":n", AttributeValue.fromN(Integer.toString(ledgerEntries)));
        var kept = new HashSet<ComplianceRow.Key>();
        for (var r : rows) {
            String sk = key(r.requirementId(), r.cycleFrom());
            kept.add(r.key());
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
        for (var old : stored) {
            if (kept.contains(old)) continue;
            conditionally(() -> table.client().deleteItem(b -> b.tableName(table.name())
                    .key(TrainingTable.key("TEACHER#" + teacherId, key(old.requirementId(), old.cycleFrom())))
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
        var request = QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI2)
                .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :prefix)");
        if (schoolId != null && !county) {
            request.filterExpression("schoolId = :school");
            values.put(":school", s(schoolId));
        }
        request.expressionAttributeValues(values);
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI2PK", pk, "GSI2SK", prefix));
        return table.filledPage(request.build(), java.util.List.of("PK", "SK", "GSI2PK", "GSI2SK"), limit, schoolId != null && !county,
                i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), ComplianceRow.class));
    }

    @Override
    public int countShortIn(String jurisdiction, String requirementId, int cycleFrom) {
        return countShort(requirementId, cycleFrom, JurisdictionTree.subtreePrefix(jurisdiction));
    }

    @Override
    public int countShortRegisteredAt(String unit, String requirementId, int cycleFrom) {
        return countShort(requirementId, cycleFrom, unit + "#");
    }

    /** The short rows whose index key starts with {@code prefix}, counted by DynamoDB. */
    private int countShort(String requirementId, int cycleFrom, String prefix) {
        return table.count(TrainingTable.GSI2, key(requirementId, cycleFrom), prefix);
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
        return ROW + requirementId + "#" + cycleFrom;
    }

    /** The row a sort key names: {@code COMPLIANCE#requirement#cycleFrom}, the requirement's ID free of '#'. */
    private static ComplianceRow.Key rowKey(String sk) {
        int cut = sk.lastIndexOf('#');
        return new ComplianceRow.Key(sk.substring(ROW.length(), cut), Integer.parseInt(sk.substring(cut + 1)));
    }

    private static String school(String schoolId) {
        return schoolId == null ? "-" : schoolId;
    }
}
