package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/** The institution registry: PK=INSTITUTION#id, SK=INSTITUTION, the record as JSON. */
public final class DynamoDbInstitutions implements Institutions {
    private final TrainingTable table;

    public DynamoDbInstitutions(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void save(Institution institution) {
        table.client().putItem(PutItemRequest.builder().tableName(table.name())
                .item(Map.of("PK", s("INSTITUTION#" + institution.id()), "SK", s("INSTITUTION"), "type", s("INSTITUTION"),
                        "data", s(TrainingTable.toJson(institution)))).build());
    }

    @Override
    public Optional<Institution> find(String id) {
        return table.get(itemKey(id)).map(DynamoDbInstitutions::read);
    }

    /** The institution's own item. */
    static TrainingTable.ItemKey itemKey(String id) {
        return new TrainingTable.ItemKey("INSTITUTION#" + id, "INSTITUTION");
    }

    static Institution read(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return TrainingTable.fromJson(TrainingTable.str(item, "data"), Institution.class);
    }
}
