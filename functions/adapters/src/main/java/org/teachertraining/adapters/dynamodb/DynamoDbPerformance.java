package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.evaluation.InstitutionPerformance;
import org.teachertraining.core.evaluation.PerformancePolicy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * P1 records. Under PROGRAM#id: PERFORMANCE#POLICY (the province's weights and rule), PERFORMANCE#RANKING (the confirmed
 * ranking with every project's inputs, gzipped JSON in {@code gz}: a program of a few hundred projects stays far below
 * the 400 KB item limit; {@code publishedAt} once published). Under ELIMINATIONS#owner: INSTITUTION#id#category, the
 * latest elimination. The policy cannot change once the ranking is confirmed, and a confirmation fails if the policy
 * changed after the ranking was computed: both are one transaction with a condition on the other item.
 */
public final class DynamoDbPerformance implements InstitutionPerformance.Records {
    private final TrainingTable table;

    public DynamoDbPerformance(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Optional<PerformancePolicy> policy(String programId) {
        return table.read("PROGRAM#" + programId, "PERFORMANCE#POLICY", PerformancePolicy.class);
    }

    @Override
    public boolean savePolicy(PerformancePolicy policy) {
        var failed = table.transact(List.of(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table.name())
                        .key(key("PROGRAM#" + policy.programId(), "PERFORMANCE#RANKING")).conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s("PROGRAM#" + policy.programId()),
                        "SK", s("PERFORMANCE#POLICY"), "type", s("PERFORMANCEPOLICY"), "setAt", s(policy.setAt().toString()),
                        "data", s(TrainingTable.toJson(policy)))).build()).build()));
        return failed.isEmpty();
    }

    @Override
    public Optional<InstitutionPerformance.Ranking> confirmed(String programId) {
        return table.get("PROGRAM#" + programId, "PERFORMANCE#RANKING").map(i -> {
            var r = TrainingTable.fromJson(gunzip(i.get("gz").b().asByteArray()), InstitutionPerformance.Ranking.class);
            return i.containsKey("publishedAt") ? r.published(TrainingTable.str(i, "publishedBy"), Instant.parse(TrainingTable.str(i, "publishedAt"))) : r;
        });
    }

    @Override
    public boolean confirm(InstitutionPerformance.Ranking ranking, List<org.teachertraining.core.institution.Eliminations.Elimination> eliminations) {
        var items = new ArrayList<TransactWriteItem>();
        String programKey = "PROGRAM#" + ranking.programId();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s(programKey), "SK", s("PERFORMANCE#RANKING"),
                "type", s("PERFORMANCERANKING"), "gz", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(TrainingTable.toJson(ranking))))))
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        // the ranking was computed with this policy: a policy set in between fails the confirmation
        var check = ConditionCheck.builder().tableName(table.name()).key(key(programKey, "PERFORMANCE#POLICY"));
        items.add(TransactWriteItem.builder().conditionCheck(ranking.policy().setAt() == null
                ? check.conditionExpression("attribute_not_exists(PK)").build()
                : check.conditionExpression("setAt = :at").expressionAttributeValues(Map.of(":at", s(ranking.policy().setAt().toString()))).build()).build());
        for (var e : eliminations) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of("PK", s("ELIMINATIONS#" + e.owner()),
                    "SK", s(eliminationKey(e.institutionId(), e.category())), "type", s("ELIMINATION"), "data", s(TrainingTable.toJson(e)))).build()).build());
        }
        return table.transact(items).isEmpty();
    }

    @Override
    public boolean publish(String programId, String by, Instant at) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key("PROGRAM#" + programId, "PERFORMANCE#RANKING"))
                    .updateExpression("SET publishedAt = if_not_exists(publishedAt, :at), publishedBy = if_not_exists(publishedBy, :by)")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(by))));
            return true;
        } catch (ConditionalCheckFailedException notConfirmed) {
            return false;
        }
    }

    @Override
    public List<Elimination> of(String owner) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s("ELIMINATIONS#" + owner))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Elimination.class)).toList();
    }

    private static String eliminationKey(String institutionId, String category) {
        return "INSTITUTION#" + institutionId + "#" + category;
    }

    private static byte[] gzip(String json) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
