package org.teachertraining.adapters.s3;

import org.teachertraining.core.integrity.EvidenceFiles;
import org.teachertraining.core.submission.UploadUrls;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

import java.time.Duration;

/**
 * Evidence files (E4a) in the uploads bucket under {@code evidence/}: presigned PUTs to upload, HeadObject to see them
 * there, presigned GETs valid {@code ttl} to read them (S3 checks the signer's s3:GetObject when the link is used).
 */
public final class S3EvidenceFiles implements EvidenceFiles {
    private final S3Client s3;
    private final String bucket;
    private final UploadUrls uploads;
    private final S3Presigner presigner;
    private final Duration ttl;

    public S3EvidenceFiles(S3Client s3, String bucket, UploadUrls uploads, S3Presigner presigner, Duration ttl) {
        this.s3 = s3;
        this.bucket = bucket;
        this.uploads = uploads;
        this.presigner = presigner;
        this.ttl = ttl;
    }

    @Override
    public Link forDownload(String key) {
        var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl)
                .getObjectRequest(b -> b.bucket(bucket).key(key)
                        .responseContentDisposition("attachment; filename=\"evidence-" + key.substring(key.lastIndexOf('/') + 1) + "\"")).build());
        return new Link(presigned.url().toString(), presigned.expiration());
    }

    @Override
    public UploadUrls.UploadUrl forUpload(String key, long size, String contentType) {
        return uploads.forUpload(key, size, contentType);
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException absent) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }
}
