package org.teachertraining.core.integrity;

import org.teachertraining.core.submission.UploadUrls;

import java.time.Instant;

/** Port: the files that support an excuse or an appeal (E4a), uploaded straight to storage and read from it by link. */
public interface EvidenceFiles {
    UploadUrls.UploadUrl forUpload(String key, long size, String contentType);

    /** True once the file under {@code key} has been uploaded. */
    boolean exists(String key);

    /** A link to read the file under {@code key}, valid until {@code expiresAt}. */
    Link forDownload(String key);

    record Link(String url, Instant expiresAt) {}
}
