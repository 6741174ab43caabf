package org.teachertraining.adapters.s3;

import org.teachertraining.core.submission.UploadUrls;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * Upload URLs as S3 presigned PUTs: the signature covers the object key, {@code Content-Type} and
 * {@code Content-Length}, so S3 refuses another key, type or size, and the URL expires after {@code ttl}.
 */
public final class PresignedUploadUrls implements UploadUrls {
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;

    public PresignedUploadUrls(S3Presigner presigner, String bucket, Duration ttl) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.ttl = ttl;
    }

    @Override
    public UploadUrl forUpload(String objectKey, long size, String contentType) {
        var presigned = presigner.presignPutObject(PutObjectPresignRequest.builder().signatureDuration(ttl)
                .putObjectRequest(b -> b.bucket(bucket).key(objectKey).contentType(contentType).contentLength(size)).build());
        var headers = new LinkedHashMap<String, String>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) headers.put(name, String.join(",", values));
        });
        return new UploadUrl(presigned.url().toString(), "PUT", headers, presigned.expiration());
    }
}
