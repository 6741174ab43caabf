package org.teachertraining.adapters.s3;

import org.teachertraining.adapters.dynamodb.DynamoDbCertificateRegistry;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.Certificates;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Optional;

/**
 * Certificates: the PDF at {@code certificates/<code>.pdf} in the certificates bucket, then the record
 * CERTIFICATE#code (put only if absent) behind public verification. Both writes are idempotent by code.
 */
public final class StoredCertificates implements Certificates {
    private final DynamoDbCertificateRegistry registry;
    private final S3Client s3;
    private final String bucket;

    public StoredCertificates(TrainingTable table, S3Client s3, String bucket) {
        this.registry = new DynamoDbCertificateRegistry(table);
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static String key(String code) {
        return "certificates/" + code + ".pdf";
    }

    @Override
    public void issue(Certificate certificate) {
        if (find(certificate.code()).isPresent()) return;   // a redelivery: the PDF stays as first issued
        issueNew(certificate);
    }

    @Override
    public void issueNew(Certificate certificate) {
        s3.putObject(b -> b.bucket(bucket).key(key(certificate.code())).contentType("application/pdf"),
                RequestBody.fromBytes(CertificatePdf.render(certificate)));
        registry.add(certificate);
    }

    @Override
    public Optional<Certificate> find(String code) {
        return registry.find(code);
    }
}
