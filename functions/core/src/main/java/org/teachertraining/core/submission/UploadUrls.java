package org.teachertraining.core.submission;

import java.time.Instant;
import java.util.Map;

/** Port: short-lived upload URLs bound to one object key, size and content type (S3 presigned PUT). */
public interface UploadUrls {
    record UploadUrl(String url, String method, Map<String, String> headers, Instant expiresAt) {}

    UploadUrl forUpload(String objectKey, long size, String contentType);
}
