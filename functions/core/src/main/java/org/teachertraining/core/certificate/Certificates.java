package org.teachertraining.core.certificate;

/** Port: issuing certificates (the PDF in object storage and the record behind public verification). */
public interface Certificates extends CertificateRegistry {
    /** Issues the certificate if it was not issued before (idempotent by code). */
    void issue(Certificate certificate);

    /** Issues a certificate whose code was drawn for this issue, so no certificate can hold it yet: nothing to look up first. */
    default void issueNew(Certificate certificate) {
        issue(certificate);
    }
}
