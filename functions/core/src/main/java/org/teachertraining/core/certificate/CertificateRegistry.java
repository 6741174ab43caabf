package org.teachertraining.core.certificate;

import java.util.Optional;

/** Port: looking up issued certificates by verification code (public verification). */
public interface CertificateRegistry {
    Optional<Certificate> find(String code);
}
