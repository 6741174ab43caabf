package org.teachertraining.core.submission;

import org.teachertraining.core.common.Text;

import java.time.Instant;

/**
 * One file (or structured schedule) an institution submitted toward a deliverable. A file submission is
 * created when the upload is requested ({@link Status#AWAITING_UPLOAD}) and decided once, when the stored
 * object has been checked.
 *
 * @param sha256       the declared SHA-256 of the file, lower-case hex
 * @param cases        for a case collection: how many trainees' cases it holds (S4 ≥ 1/10 of trainees)
 * @param objectKey    where the file is in the submissions bucket; null for structured schedules
 * @param practiceShare for a structured course schedule: practice hours / all hours, in percent (S5)
 */
public record Submission(String id, String projectId, String institutionId, SubmissionKind kind, Integer classNo,
                         String fileName, long size, String contentType, String sha256, Integer cases, String objectKey,
                         Status status, Text reason, FileType detectedType, Integer pages, Integer practiceShare,
                         String requestedBy, Instant requestedAt, Instant receivedAt) {

    public enum Status { AWAITING_UPLOAD, ACCEPTED, REJECTED }

    public Submission decided(Status status, Text reason, FileType detectedType, Integer pages, Instant receivedAt) {
        return new Submission(id, projectId, institutionId, kind, classNo, fileName, size, contentType, sha256, cases, objectKey,
                status, reason, detectedType, pages, practiceShare, requestedBy, requestedAt, receivedAt);
    }

    /** The key under which the same file for the same deliverable is one submission. */
    public String fileIdentity() {
        return kind + "#" + (classNo == null ? "-" : classNo) + "#" + sha256;
    }
}
