package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.credit.ProjectResult;
import org.teachertraining.core.credit.ProjectResults;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.notification.Notification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;
import static org.teachertraining.adapters.dynamodb.TrainingTable.str;

/**
 * Each trainee's one result per project (C5): PK=PROJECT#projectId, SK=RESULT#teacherId, holding the
 * completion that owns it ({@code completionId}, with the result's {@code fingerprint}), whether it is
 * {@code posted}, and the certificate's random {@code certificateCode}. Claiming and posting write it under
 * the condition that it is absent or owned by the same completion, in the same transaction as the ledger
 * entries, the yearly aggregates and the integrity record, so no read in Java decides who is credited.
 */
public final class DynamoDbProjectResults implements ProjectResults {
    private static final String OWNED = "attribute_not_exists(PK) OR (completionId = :cid AND fingerprint = :fp)";
    private final TrainingTable table;
    private final DynamoDbNotifications notifications;

    public DynamoDbProjectResults(TrainingTable table) {
        this.table = table;
        this.notifications = new DynamoDbNotifications(table);
    }

    @Override
    public Optional<ProjectResult> find(String projectId, String teacherId) {
        return table.get("PROJECT#" + projectId, sk(teacherId)).map(DynamoDbProjectResults::read);
    }

    /** One Query of the project's result items (a few hundred bytes each), however many trainees it had. */
    @Override
    public List<ProjectResult> ofProject(String projectId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROJECT#" + projectId), ":sk", s("RESULT#"))))
                .items().stream().map(DynamoDbProjectResults::read).toList();
    }

    @Override
    public Claim claim(List<ProjectResult> results) {
        var items = results.stream().map(r -> TransactWriteItem.builder().update(own(r, false, null)).build()).toList();
        var failed = table.transact(items);
        if (failed.isEmpty()) return new Claim.Claimed();
        for (int i = 0; i < results.size(); i++) {
            if (TrainingTable.failed(failed.get(), i)) {
                return new Claim.Taken(find(results.get(i).projectId(), results.get(i).teacherId()).orElseThrow());
            }
        }
        throw new IllegalStateException("claim cancelled without a failed condition: " + failed.get());
    }

    @Override
    public Posting post(ProjectResult result, List<CreditEntry> entries, IntegrityRecord record, List<Notification> notices, String certificateCode) {
        var items = new ArrayList<TransactWriteItem>();
        // owned by this completion (or unclaimed) and not posted yet: a repeat finds it posted and changes nothing
        var owned = own(result, true, result.outcome() == Completion.Outcome.PASSED ? certificateCode : null);
        items.add(TransactWriteItem.builder().update(owned.toBuilder()
                .conditionExpression("(" + OWNED + ") AND (attribute_not_exists(posted) OR posted = :false)").build()).build());
        if (!entries.isEmpty()) items.addAll(DynamoDbLedger.items(table, result.teacherId(), entries));
        if (record != null) items.add(integrityPut(record));
        for (var n : notices) items.addAll(notifications.delivery(n));   // each notice's occasion names this completion: new
        // a result that was not posted has no code (only posting sets one), so a posted pass holds the code given here
        var failed = table.transact(items);
        if (failed.isEmpty()) {
            if (record != null) SeatRecords.raiseBan(table, record);
            return new Posting.Posted(result.outcome() == Completion.Outcome.PASSED ? certificateCode : null);
        }
        var stored = find(result.projectId(), result.teacherId());
        if (stored.isPresent() && stored.get().completionId().equals(result.completionId()) && stored.get().posted()) {
            if (record != null) SeatRecords.raiseBan(table, record);   // a redelivery: the first delivery may have stopped before it
            return new Posting.AlreadyPosted(stored.get());
        }
        if (stored.isPresent()) return new Posting.Taken(stored.get());
        throw new IllegalStateException("posting cancelled without a result item: " + failed.get());
    }

    @Override
    public Optional<ProjectResult> correct(ProjectResult current, ProjectResult corrected, List<CreditEntry> entries,
                                           IntegrityRecord removed, IntegrityRecord added, List<Notification> notices) {
        var items = new ArrayList<TransactWriteItem>();
        var values = new HashMap<String, AttributeValue>(attributes(corrected));
        values.remove(":type");
        values.put(":old", s(current.completionId()));
        values.put(":true", AttributeValue.fromBool(true));
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("PROJECT#" + corrected.projectId(), sk(corrected.teacherId())))
                .updateExpression("SET completionId = :cid, fingerprint = :fp, #data = :data, posted = :true"
                        + (corrected.certificateCode() == null ? " REMOVE certificateCode" : ", certificateCode = :code"))
                .conditionExpression("completionId = :old AND posted = :true")
                .expressionAttributeNames(Map.of("#data", "data"))
                .expressionAttributeValues(withCode(values, corrected.certificateCode())).build()).build());
        if (!entries.isEmpty()) items.addAll(DynamoDbLedger.items(table, corrected.teacherId(), entries));
        // a failure corrected to a dismissal (or back) is dated the same day: its record's key is the old one's, and a
        // transaction may hold one operation per item, so the put alone replaces it
        boolean replaced = removed != null && added != null && DynamoDbIntegrityRecords.key(removed).equals(DynamoDbIntegrityRecords.key(added));
        if (removed != null && !replaced) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table.name()).key(DynamoDbIntegrityRecords.key(removed)).build()).build());
            DynamoDbIntegrityRecords.leavingTheQueue(table, removed).ifPresent(items::add);
        }
        if (added != null) items.add(integrityPut(added));
        for (var n : notices) items.addAll(notifications.delivery(n));   // each notice's occasion names this correction: new
        if (current.certificateCode() != null) {
            // the old certificate no longer verifies; a corrected pass gets a new one
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table.name())
                    .key(key(DynamoDbCertificateRegistry.pk(current.certificateCode()), DynamoDbCertificateRegistry.SK)).build()).build());
        }
        if (table.transact(items).isPresent()) return Optional.empty();
        if (added != null) SeatRecords.raiseBan(table, added);
        return find(corrected.projectId(), corrected.teacherId());
    }

    private Update own(ProjectResult r, boolean posted, String certificateCode) {
        var values = new HashMap<String, AttributeValue>(attributes(r));
        values.put(":posted", AttributeValue.fromBool(posted));
        String set = "SET completionId = :cid, fingerprint = :fp, #type = :type, #data = if_not_exists(#data, :data), "
                + (posted ? "posted = :posted" : "posted = if_not_exists(posted, :posted)");
        if (certificateCode != null) {
            set += ", certificateCode = if_not_exists(certificateCode, :code)";
            values.put(":code", s(certificateCode));
        }
        if (posted) values.put(":false", AttributeValue.fromBool(false));   // for the caller's "not posted yet" condition
        return Update.builder().tableName(table.name()).key(key("PROJECT#" + r.projectId(), sk(r.teacherId())))
                .updateExpression(set).conditionExpression(OWNED)
                .expressionAttributeNames(Map.of("#data", "data", "#type", "type"))
                .expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> withCode(Map<String, AttributeValue> values, String code) {
        if (code != null) values.put(":code", s(code));
        return values;
    }

    private static Map<String, AttributeValue> attributes(ProjectResult r) {
        var stored = new Stored(r.outcome(), r.hours(), r.topic(), r.recordedAt());
        return new HashMap<>(Map.of(":cid", s(r.completionId()), ":fp", s(r.fingerprint()), ":type", s("RESULT"),
                ":data", s(TrainingTable.toJson(stored))));
    }

    /**
     * The integrity record's put, unconditional: a no-show's record may be there already, written by the lifecycle for
     * a trainee who never registered (E8) and identical to the one the completion's no-show gives (both dated the
     * project's start date). No other record can share its key: a failure or dismissal is dated the day it was
     * recorded, after the training ended, and a trainee has one result per project (C5). The recourse on a record
     * is an item of its own, so replacing the record keeps it.
     */
    private TransactWriteItem integrityPut(IntegrityRecord r) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(DynamoDbIntegrityRecords.item(r)).build()).build();
    }

    private static String sk(String teacherId) {
        return "RESULT#" + teacherId;
    }

    /** What the item's {@code data} holds besides the attributes the conditions read. */
    record Stored(Completion.Outcome outcome, Map<CreditCategory, Integer> hours, String topic, Instant recordedAt) {}

    private static ProjectResult read(Map<String, AttributeValue> i) {
        var d = TrainingTable.fromJson(str(i, "data"), Stored.class);
        String pk = str(i, "PK"), sk = str(i, "SK");
        var posted = i.get("posted");
        return new ProjectResult(pk.substring("PROJECT#".length()), sk.substring("RESULT#".length()), str(i, "completionId"),
                d.outcome(), d.hours(), d.topic(), posted != null && Boolean.TRUE.equals(posted.bool()), str(i, "certificateCode"), d.recordedAt());
    }
}
