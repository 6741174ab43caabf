package org.teachertraining.core.submission;

import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quotas;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code GET /projects/{id}/deliverables}: for the project's institution and the admins over its owner. */
public final class ListDeliverables {
    public record Overview(String projectId, String institutionId, int trainees, List<TrainingClass> classes,
                           List<Deliverables.Deliverable> deliverables) {}

    private final Projects projects;
    private final Quotas quotas;
    private final Submissions submissions;
    private final Access access;
    private final Clock clock;

    public ListDeliverables(Projects projects, Quotas quotas, Submissions submissions, Access access, Clock clock) {
        this.projects = projects;
        this.quotas = quotas;
        this.submissions = submissions;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Overview> execute(Caller caller, String projectId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var p = project.get();
        var denied = denied(caller, p);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var reported = submissions.classes(projectId);
        int trainees = quotas.enrolled(projectId);
        return Outcome.done(new Overview(projectId, p.institutionId(), trainees, Deliverables.classes(p, reported),
                Deliverables.derive(p, reported, trainees, submissions.ofProject(projectId), clock.instant())));
    }

    /** One submission, for the same readers: an institution polls it after its upload. */
    public Outcome<Submission> submission(Caller caller, String projectId, String submissionId) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = denied(caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return submissions.find(projectId, submissionId).<Outcome<Submission>>map(Outcome::done)
                .orElse(Outcome.refused(Refusal.notFound(Text.of("提交不存在：" + submissionId, "No submission " + submissionId))));
    }

    private Optional<Refusal> denied(Caller caller, Project p) {
        return ProjectAccess.institutionOrOwnerAdmins(access, caller, p);
    }
}
