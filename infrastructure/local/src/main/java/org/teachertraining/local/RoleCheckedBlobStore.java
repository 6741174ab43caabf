package org.teachertraining.local;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.jclouds.rest.AuthorizationException;
import org.teachertraining.local.iam.IamEnforcement;

import java.util.List;

/**
 * S3 as a request signed with a role's key sees it: each operation authorized against that role's policy
 * before it reaches the store, as S3 authorizes the signer. This is what holds a presigned URL to its
 * signer's role when the URL is used — after the function that presigned it returned, outside any SDK
 * client's interceptor. A refusal is S3's 403 AccessDenied (S3Proxy answers jclouds'
 * AuthorizationException so).
 */
final class RoleCheckedBlobStore extends ForwardingBlobStore {
    private final IamEnforcement role;

    RoleCheckedBlobStore(BlobStore delegate, IamEnforcement role) {
        super(delegate);
        this.role = role;
    }

    private void require(String action, String bucket, String key) {
        try {
            role.require("S3", new IamEnforcement.Check(action, "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key)));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception denied) {
            throw new AuthorizationException(denied.getMessage());
        }
    }

    @Override
    public String putBlob(String container, Blob blob) {
        require("s3:PutObject", container, blob.getMetadata().getName());
        return super.putBlob(container, blob);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        require("s3:PutObject", container, blob.getMetadata().getName());
        return super.putBlob(container, blob, options);
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        require("s3:GetObject", fromContainer, fromName);
        require("s3:PutObject", toContainer, toName);
        return super.copyBlob(fromContainer, fromName, toContainer, toName, options);
    }

    @Override
    public BlobMetadata blobMetadata(String container, String name) {
        require("s3:GetObject", container, name);
        return super.blobMetadata(container, name);
    }

    @Override
    public boolean blobExists(String container, String name) {
        require("s3:GetObject", container, name);
        return super.blobExists(container, name);
    }

    @Override
    public Blob getBlob(String container, String name) {
        require("s3:GetObject", container, name);
        return super.getBlob(container, name);
    }

    @Override
    public Blob getBlob(String container, String name, GetOptions options) {
        require("s3:GetObject", container, name);
        return super.getBlob(container, name, options);
    }

    @Override
    public void removeBlob(String container, String name) {
        require("s3:DeleteObject", container, name);
        super.removeBlob(container, name);
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
        names.forEach(name -> require("s3:DeleteObject", container, name));
        super.removeBlobs(container, names);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container) {
        require("s3:ListBucket", container, null);
        return super.list(container);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        require("s3:ListBucket", container, null);
        return super.list(container, options);
    }

    @Override
    public void deleteContainer(String container) {
        require("s3:DeleteBucket", container, null);
        super.deleteContainer(container);
    }

    @Override
    public boolean deleteContainerIfEmpty(String container) {
        require("s3:DeleteBucket", container, null);
        return super.deleteContainerIfEmpty(container);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(String container, BlobMetadata metadata, PutOptions options) {
        require("s3:PutObject", container, metadata.getName());
        return super.initiateMultipartUpload(container, metadata, options);
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload mpu, int partNumber, Payload payload) {
        require("s3:PutObject", mpu.containerName(), mpu.blobName());
        return super.uploadMultipartPart(mpu, partNumber, payload);
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
        require("s3:PutObject", mpu.containerName(), mpu.blobName());
        return super.completeMultipartUpload(mpu, parts);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload mpu) {
        require("s3:AbortMultipartUpload", mpu.containerName(), mpu.blobName());
        super.abortMultipartUpload(mpu);
    }
}
