package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.CertificateRegistry;

import java.util.Optional;

/** Issued certificates by verification code: PK=CERTIFICATE#code, SK=CERTIFICATE (written by StoredCertificates). */
public final class DynamoDbCertificateRegistry implements CertificateRegistry {
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
        table.putIfAbsent(pk(certificate.code()), SK, certificate);
    }

    @Override
    public Optional<Certificate> find(String code) {
        return table.read(pk(code), SK, Certificate.class);
    }
}
