package org.teachertraining.core.certificate;

/** Port: issuing certificates (the PDF in object storage and the record behind public verification). */
public interface Certificates extends CertificateRegistry {
    /** Issues the certificate if it was not issued before (idempotent by code). */
    void issue(Certificate certificate);
}
