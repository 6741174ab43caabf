package org.teachertraining.core.submission;

import org.teachertraining.core.common.Text;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides an upload once its object is stored: the bytes must match the declared size and SHA-256, be of
 * a type the deliverable accepts and the declared content type, and open cleanly. The decision is taken
 * once; a redelivered storage event finds it taken and changes nothing.
 */
public final class ReceiveUpload {
    /** What the processing saw of the stored object. */
    public record Received(String objectKey, long size, String sha256, Inspection inspection, Instant storedAt) {}

    private final Submissions submissions;

    public ReceiveUpload(Submissions submissions) {
        this.submissions = submissions;
    }

    /** The submission awaiting the object stored under {@code objectKey}; empty when none is (unknown key, decided already). */
    public Optional<Submission> awaiting(String objectKey) {
        var parts = objectKey.split("/");
        if (parts.length != 4 || !parts[0].equals("submissions")) return Optional.empty();
        return submissions.find(parts[1], parts[3]).filter(s -> s.objectKey().equals(objectKey) && s.status() == Submission.Status.AWAITING_UPLOAD);
    }

    /**
     * Decides the submission on what was received; empty when it was decided meanwhile. The inspection may be
     * null when size or checksum already disagree (the bytes are then not worth opening).
     */
    public Optional<Submission> execute(Submission s, Received r) {
        Text problem = problem(s, r);
        var decided = s.decided(problem == null ? Submission.Status.ACCEPTED : Submission.Status.REJECTED, problem,
                r.inspection() == null ? null : r.inspection().type(), r.inspection() == null ? null : r.inspection().pages(), r.storedAt());
        return submissions.decide(decided) ? Optional.of(decided) : Optional.empty();
    }

    /** {@link #awaiting} then {@link #execute}. */
    public Optional<Submission> execute(Received r) {
        return awaiting(r.objectKey()).flatMap(s -> execute(s, r));
    }

    /** The reason to reject, or null: the first of what is wrong, in the order an institution would fix it. */
    static Text problem(Submission s, Received r) {
        if (r.size() != s.size()) {
            return Text.of("文件大小与申报不符：申报 " + s.size() + " 字节，收到 " + r.size() + " 字节",
                    "Size mismatch: declared " + s.size() + " bytes, received " + r.size());
        }
        if (!r.sha256().equals(s.sha256())) {
            return Text.of("文件校验和（SHA-256）与申报不符，文件可能损坏或不是申报的文件",
                    "Checksum mismatch: the SHA-256 of the received bytes is " + r.sha256() + ", declared " + s.sha256());
        }
        var i = r.inspection();
        if (i.type() == null) {
            return Text.of("文件内容不是可接受的类型（" + org.teachertraining.core.common.Labels.list(s.kind().fileTypes()).zh() + "）：实际为" + i.seen().zh(),
                    "The bytes are not " + org.teachertraining.core.common.Labels.list(s.kind().fileTypes()).en() + " but " + i.seen().en());
        }
        if (!s.kind().fileTypes().contains(i.type())) {
            return Text.of(s.kind().title().zh() + "不接受 " + i.type() + " 文件", s.kind().title().en() + " does not accept " + i.type() + " files");
        }
        if (!i.type().contentType().equals(s.contentType())) {
            return Text.of("文件内容是 " + i.type() + "，与申报的类型 " + s.contentType() + " 不符",
                    "The bytes are " + i.type() + ", not the declared " + s.contentType());
        }
        return i.problem();
    }
}
