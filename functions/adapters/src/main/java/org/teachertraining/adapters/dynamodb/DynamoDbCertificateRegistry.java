package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.CertificateRegistry;

import java.util.Optional;

/**
 * Issued certificates by verification code: PK=CERTIFICATE#code, SK=CERTIFICATE (written by StoredCertificates),
 * and by teacher: GSI1 TEACHER#id / CERTIFICATE#issuedOn#code.
 */
public final class DynamoDbCertificateRegistry implements CertificateRegistry, org.teachertraining.core.certificate.TeacherCertificates.Issued {
    static final String SK = "CERTIFICATE";
    private final TrainingTable table;

    public DynamoDbCertificateRegistry(TrainingTable table) {
        this.table = table;
    }

    public static String pk(String code) {
        return "CERTIFICATE#" + code;
    }

    /** Records an issued certificate unless it is there already. */
    public void add(Certificate certificate) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).conditionExpression("attribute_not_exists(PK)").item(java.util.Map.of(
                    "PK", TrainingTable.s(pk(certificate.code())), "SK", TrainingTable.s(SK), "type", TrainingTable.s(SK),
                    "GSI1PK", TrainingTable.s("TEACHER#" + certificate.teacherId()),
                    "GSI1SK", TrainingTable.s("CERTIFICATE#" + certificate.issuedOn() + "#" + certificate.code()),
                    "data", TrainingTable.s(TrainingTable.toJson(certificate)))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException issuedBefore) {
            // idempotent by code
        }
    }

    @Override
    public java.util.List<Certificate> ofTeacher(String teacherId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :sk)")
                        .expressionAttributeValues(java.util.Map.of(":pk", TrainingTable.s("TEACHER#" + teacherId), ":sk", TrainingTable.s("CERTIFICATE#"))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Certificate.class)).toList();
    }

    @Override
    public Optional<Certificate> find(String code) {
        return table.read(pk(code), SK, Certificate.class);
    }
}
