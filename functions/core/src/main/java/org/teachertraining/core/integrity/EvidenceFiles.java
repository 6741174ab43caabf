package org.teachertraining.core.integrity;

import org.teachertraining.core.submission.UploadUrls;

/** Port: the files that support an excuse or an appeal (E4a), uploaded straight to storage. */
public interface EvidenceFiles {
    UploadUrls.UploadUrl forUpload(String key, long size, String contentType);

    /** True once the file under {@code key} has been uploaded. */
    boolean exists(String key);
}
