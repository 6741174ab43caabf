package org.teachertraining.core.submission;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quotas;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The project's institution asks to upload a file toward a deliverable: the request is checked (kind,
 * class, declared type and size against what the kind allows, SHA-256, a case collection's coverage), a
 * submission is recorded, and a short-lived URL bound to the object key, size and type is handed out.
 * The same file for the same deliverable is one submission: asking again answers the standing one.
 */
public final class RequestUpload {
    public record Command(SubmissionKind kind, Integer classNo, String fileName, Long size, String contentType, String sha256,
                          Integer cases) {}

    /** @param uploadUrl null when the file was already received */
    public record Requested(Submission submission, UploadUrls.UploadUrl uploadUrl, boolean created) {}

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Projects projects;
    private final Quotas quotas;
    private final Submissions submissions;
    private final UploadUrls uploadUrls;
    private final Clock clock;

    public RequestUpload(Projects projects, Quotas quotas, Submissions submissions, UploadUrls uploadUrls, Clock clock) {
        this.projects = projects;
        this.quotas = quotas;
        this.submissions = submissions;
        this.uploadUrls = uploadUrls;
        this.clock = clock;
    }

    public Outcome<Requested> execute(Caller caller, String projectId, Command c) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.institution(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());

        var v = new Violations();
        if (v.required("kind", c.kind()) && !c.kind().uploadable()) {
            v.add("kind", "开班时间以数据报送：PUT /projects/{id}/classes", "class dates are reported as data: PUT /projects/{id}/classes");
        }
        if (c.kind() != null && c.kind().perClass()) {
            var classes = Deliverables.classes(project.get(), submissions.classes(projectId));
            if (v.required("classNo", c.classNo()) && classes.stream().noneMatch(k -> k.no() == c.classNo())) {
                v.add("classNo", "项目没有第 " + c.classNo() + " 期", "the project has no class " + c.classNo()
                        + "; classes: " + classes.stream().map(TrainingClass::no).toList());
            }
        } else if (c.classNo() != null) {
            v.add("classNo", "该材料按项目提交，不分期", "this deliverable is owed per project, not per class");
        }
        if (v.required("fileName", c.fileName()) && (c.fileName().length() > 200 || c.fileName().matches(".*[/\\\\\\p{Cntrl}].*"))) {
            v.add("fileName", "文件名不能含路径或控制字符，且不超过 200 个字符", "must be a plain file name of at most 200 characters");
        }
        if (v.required("size", c.size()) && c.kind() != null && c.kind().uploadable() && (c.size() < 1 || c.size() > c.kind().maxBytes())) {
            v.add("size", "文件大小必须在 1 字节到 " + c.kind().maxBytes() / 1024 / 1024 + " MB 之间",
                    "must be between 1 byte and " + c.kind().maxBytes() / 1024 / 1024 + " MB for " + c.kind());
        }
        if (v.required("contentType", c.contentType()) && c.kind() != null && c.kind().uploadable()) {
            var type = FileType.ofContentType(c.contentType());
            if (type.isEmpty() || !c.kind().fileTypes().contains(type.get())) {
                var types = c.kind().fileTypes().stream().sorted().toList();
                v.add("contentType",
                        c.kind().title().zh() + "只接受：" + types.stream().map(t -> Labels.of(t).zh() + "（" + t.contentType() + "）").collect(Collectors.joining("、")),
                        c.kind().title().en() + " accepts " + types.stream().map(t -> Labels.of(t).en() + " (" + t.contentType() + ")").collect(Collectors.joining(", ")));
            }
        }
        if (v.required("sha256", c.sha256()) && !SHA256.matcher(c.sha256()).matches()) {
            v.add("sha256", "必须是 64 位小写十六进制 SHA-256", "must be the file's SHA-256 as 64 lower-case hex digits");
        }
        if (c.kind() == SubmissionKind.CASE_COLLECTION) {
            if (v.required("cases", c.cases())) v.range("cases", c.cases(), 1, 100_000);
        } else if (c.cases() != null) {
            v.add("cases", "只有案例集需要填写案例数", "only a case collection has cases");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());

        if (c.kind() == SubmissionKind.CASE_COLLECTION) {
            int trainees = quotas.enrolled(projectId);
            int needed = Deliverables.casesNeeded(trainees);
            if (c.cases() < needed) {
                return Outcome.refused(Refusal.unprocessable("S4", Text.of(
                        "案例集须覆盖不少于参训教师 1/10：" + trainees + " 名学员至少 " + needed + " 个案例，申报 " + c.cases() + " 个",
                        "The case collection must cover at least 1/10 of the trainees: " + needed + " cases for " + trainees
                                + " trainees, " + c.cases() + " declared"), Map.of("casesNeeded", needed, "trainees", trainees)));
            }
        }

        String id = UUID.randomUUID().toString();
        var fresh = new Submission(id, projectId, caller.institutionId(), c.kind(), c.classNo(), c.fileName().strip(), c.size(),
                c.contentType().toLowerCase(java.util.Locale.ROOT), c.sha256(), c.cases(),
                "submissions/" + projectId + "/" + caller.institutionId() + "/" + id, Submission.Status.AWAITING_UPLOAD,
                null, null, null, null, caller.userId(), clock.instant(), null);
        var standing = submissions.putUnlessSameFile(fresh);
        boolean created = standing.id().equals(id);
        var url = standing.status() == Submission.Status.AWAITING_UPLOAD
                ? uploadUrls.forUpload(standing.objectKey(), standing.size(), standing.contentType()) : null;
        return Outcome.done(new Requested(standing, url, created));
    }
}
