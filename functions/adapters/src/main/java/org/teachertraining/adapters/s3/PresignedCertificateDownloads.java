package org.teachertraining.adapters.s3;

import org.teachertraining.core.certificate.TeacherCertificates;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

import java.time.Duration;

/**
 * Certificate PDFs as S3 presigned GETs of {@code certificates/<code>.pdf}, valid {@code ttl}, downloaded under
 * a file name of the code (Content-Disposition). S3 checks the signer's s3:GetObject when the link is used.
 */
public final class PresignedCertificateDownloads implements TeacherCertificates.Downloads {
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;

    public PresignedCertificateDownloads(S3Presigner presigner, String bucket, Duration ttl) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.ttl = ttl;
    }

    @Override
    public TeacherCertificates.Download of(String code) {
        var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl)
                .getObjectRequest(b -> b.bucket(bucket).key(StoredCertificates.key(code))
                        .responseContentType("application/pdf")
                        .responseContentDisposition("attachment; filename=\"certificate-" + code + ".pdf\"")).build());
        return new TeacherCertificates.Download(presigned.url().toString(), presigned.expiration());
    }
}
