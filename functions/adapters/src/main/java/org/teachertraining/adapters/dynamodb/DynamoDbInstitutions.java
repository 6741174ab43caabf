package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * The institution registry: PK=INSTITUTION#id, SK=INSTITUTION, the record as JSON; beside each, since 2026-12-07, its ID's
 * guard (PK=INSTITUTIONID#ID in upper case, {@link CaseGuards}), so that no two institutions' IDs differ only in case.
 */
public final class DynamoDbInstitutions implements Institutions {
    private final TrainingTable table;

    public DynamoDbInstitutions(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void save(Institution institution) {
        var item = Map.of("PK", s("INSTITUTION#" + institution.id()), "SK", s("INSTITUTION"), "type", s("INSTITUTION"),
                "data", s(TrainingTable.toJson(institution)));
        var failed = table.transact(List.of(CaseGuards.claim(table, "INSTITUTION", institution.id()),
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).build()).build()));
        if (failed.isPresent()) throw CaseGuards.heldByAnother(table, "INSTITUTION", institution.id());
    }

    @Override
    public Optional<Institution> find(String id) {
        var exact = table.get(itemKey(id)).map(DynamoDbInstitutions::read);
        if (exact.isPresent()) return exact;
        return CaseGuards.registered(table, "INSTITUTION", id).filter(r -> !r.equals(id)).flatMap(r -> table.get(itemKey(r))).map(DynamoDbInstitutions::read);
    }

    /** The institution's own item. */
    static TrainingTable.ItemKey itemKey(String id) {
        return new TrainingTable.ItemKey("INSTITUTION#" + id, "INSTITUTION");
    }

    static Institution read(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), Institution.class);
    }
}
