package org.teachertraining.local;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

import java.util.List;

/**
 * The store under S3Proxy, telling a listener of every object it has stored (a PUT or a completed multipart
 * upload) once the object is there: what S3 turns into ObjectCreated notifications.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    interface Listener {
        void stored(String bucket, String key, long size, String eTag);
    }

    private volatile Listener listener = (bucket, key, size, eTag) -> { };

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return stored(container, blob.getMetadata().getName(), super.putBlob(container, blob));
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        return stored(container, blob.getMetadata().getName(), super.putBlob(container, blob, options));
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
        return stored(mpu.containerName(), mpu.blobName(), super.completeMultipartUpload(mpu, parts));
    }

    private String stored(String container, String key, String eTag) {
        var metadata = delegate().blobMetadata(container, key);
        listener.stored(container, key, metadata == null || metadata.getSize() == null ? 0 : metadata.getSize(), eTag);
        return eTag;
    }
}
