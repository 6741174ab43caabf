package org.teachertraining.submissions;

import org.teachertraining.adapters.aws.Priming;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.adapters.dynamodb.DynamoDbSubmissions;
import org.teachertraining.core.submission.ReceiveUpload;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;


/**
 * S3 ObjectCreated on the submissions bucket: for each stored object that a submission awaits, compares its
 * size with the declared one, then streams it to a temporary file computing its SHA-256, tells its real type
 * and opens it ({@link FileInspector}), and records the submission ACCEPTED or REJECTED with a reason
 * ({@link ReceiveUpload}). Objects no submission awaits (unknown keys, redelivered events) are skipped; an
 * error reading S3 or DynamoDB is thrown, so Lambda retries the event.
 */
public class SubmissionProcessingHandler implements RequestHandler<S3Event, Void> {
    private final ReceiveUpload receive;
    private final S3Client s3;
    private final TrainingTable table;
    private final FileInspector inspector = new FileInspector();

    /** In Lambda: the process environment and the system clock. */
    public SubmissionProcessingHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public SubmissionProcessingHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        this.receive = new ReceiveUpload(new DynamoDbSubmissions(table));
        this.s3 = environment.s3();
        this.table = table;
        Priming.beforeSnapshot("SubmissionProcessingFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: a read, a refused put and a refused transaction of the
     * table and the JSON of the records it stores, then PDFBox loaded and run once on a small PDF. Only requests its role
     * allows (template.yaml), and none changes an item ({@link TrainingTable#prime}).
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.GET_ITEM, TrainingTable.PrimingRequest.PUT_ITEM);
        try {
            inspector.inspect(FileInspector.primingPdf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (var record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            // keys arrive URL-encoded in S3 events, spaces as '+'
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            long size = record.getS3().getObject().getSizeAsLong();
            Instant storedAt = record.getEventTime() == null ? Instant.now() : Instant.ofEpochMilli(record.getEventTime().getMillis());
            var log = new LinkedHashMap<String, Object>();
            log.put("bucket", bucket);
            log.put("key", key);
            var awaiting = receive.awaiting(key);
            if (awaiting.isEmpty()) {
                log.put("level", "INFO");
                log.put("skipped", "no submission awaits this object");
            } else {
                var submission = awaiting.get();
                var decided = size != submission.size()
                        ? receive.execute(submission, new ReceiveUpload.Received(key, size, "", null, storedAt))
                        : receive.execute(submission, inspect(bucket, key, storedAt));
                log.put("level", "INFO");
                log.put("submissionId", submission.id());
                log.put("status", decided.map(d -> d.status().name()).orElse("decided already"));
                decided.filter(d -> d.reason() != null).ifPresent(d -> log.put("reason", d.reason().en()));
            }
            System.out.println(StoredJson.write(log));
        }
        return null;
    }

    private ReceiveUpload.Received inspect(String bucket, String key, Instant storedAt) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("submission-", ".bin");
            var digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (var in = s3.getObject(b -> b.bucket(bucket).key(key));
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                size = in.transferTo(out);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            return new ReceiveUpload.Received(key, size, sha256, inspector.inspect(tmp), storedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }
}
