package org.teachertraining.core.credit;

import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.Certificates;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.ReleaseBannedSeats;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.ProjectAccess;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes a trainee's posted result in a project (C5: the ledger stays append-only), e.g. PASSED → NO_SHOW
 * once it turns out the trainee never came, or the reverse once a no-show is shown to be an error. In one
 * atomic step: a reversing entry for every hour the old result credited, entries for the new hours, the
 * integrity record of the old outcome removed and one for the new outcome written (E4), the old
 * certificate withdrawn. A new record's ban releases the trainee's seats in later provincial and national projects
 * ({@link ReleaseBannedSeats}). The new result is checked as a completion is (C1, C4), and a reason is required.
 * Only the admins over the project's owner (the province, for a provincial project) correct results:
 * a county must not be able to erase its own teachers' bans.
 */
public final class CorrectResult {

    public record Command(Completion.Outcome outcome, Map<CreditCategory, Integer> hours, String topic, String reason) {}

    private final Projects projects;
    private final CheckCompletion checkCompletion;
    private final ProjectResults results;
    private final Ledger ledger;
    private final Enrollments enrollments;
    private final Certificates certificates;
    private final Teachers teachers;
    private final RefreshCompliance compliance;
    private final ReleaseBannedSeats bannedSeats;
    private final Access access;
    private final Clock clock;

    public CorrectResult(Projects projects, CheckCompletion checkCompletion, ProjectResults results, Ledger ledger, Enrollments enrollments,
                         Certificates certificates, Teachers teachers, RefreshCompliance compliance, ReleaseBannedSeats bannedSeats, Access access, Clock clock) {
        this.projects = projects;
        this.checkCompletion = checkCompletion;
        this.results = results;
        this.ledger = ledger;
        this.enrollments = enrollments;
        this.certificates = certificates;
        this.teachers = teachers;
        this.compliance = compliance;
        this.bannedSeats = bannedSeats;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<ProjectResult> execute(Caller caller, String projectId, String teacherId, Command c) {
        var project = projects.find(projectId);
        if (project.isEmpty()) return Outcome.refused(NotFound.project(projectId));
        var denied = ProjectAccess.ownerAdmins(access, caller, project.get());
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.text("reason", c.reason(), 500);
        v.required("outcome", c.outcome());
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var current = results.find(projectId, teacherId).filter(ProjectResult::posted);
        if (current.isEmpty()) {
            return Outcome.refused(Refusal.notFound(Text.of("该学员在本项目没有已入账的结业结果", "The trainee has no posted result in this project")));
        }
        var now = clock.instant();
        String correctionId = "CORR-" + UUID.randomUUID();
        var asCompletion = new Completion(correctionId, projectId, project.get().institutionId(),
                List.of(new Completion.Result(teacherId, c.outcome(), c.hours(), c.topic())), caller.userId(), now);
        var refusal = checkCompletion.check(asCompletion);
        if (refusal.isPresent()) return Outcome.refused(refusal.get());

        var old = current.get();
        var entries = new ArrayList<CreditEntry>(reversals(old, teacherId, projectId, c.reason().strip(), caller.userId(), now));
        String code = c.outcome() == Completion.Outcome.PASSED ? Certificate.newCode() : null;
        var corrected = new ProjectResult(projectId, teacherId, correctionId, c.outcome(), c.hours(), c.topic(), true, code, old.recordedAt());
        entries.addAll(PostCompletion.entries(corrected, PostCompletion.creditYear(project.get()), correctionId, caller.userId(), now));
        // the outcome happened when the completion was first recorded: a corrected no-show is banned from then
        var startDate = project.get().startDate();
        var added = PostCompletion.integrityRecord(corrected, old.recordedAt(), startDate);
        var teacher = teachers.find(teacherId).orElse(null);
        var enrollment = enrollments.find(projectId, teacherId).orElseThrow();   // the check found the trainee's seat
        var stored = results.correct(old, corrected, entries, PostCompletion.integrityRecord(old, old.recordedAt(), startDate), added,
                PostCompletion.told(added, enrollment, teacher, correctionId, now));
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.conflict("C5", Text.of("该结果刚被他人更改，请刷新后重试", "The result changed meanwhile; reload and try again")));
        }
        if (teacher != null) compliance.refresh(teacher);
        if (added != null) bannedSeats.of(teacherId, correctionId);
        if (code != null) {
            certificates.issueNew(new Certificate(code, teacherId, PostCompletion.nameOf(enrollment, teacher), projectId, enrollment.projectName(),
                    project.get().institutionId(), c.hours().values().stream().mapToInt(Integer::intValue).sum(),
                    now.atZone(org.teachertraining.core.common.ChinaTime.ZONE).toLocalDate()));
        }
        return Outcome.done(stored.get());
    }

    /** A reversing entry for every entry of this project on the teacher's ledger that is not reversed yet. */
    private List<CreditEntry> reversals(ProjectResult old, String teacherId, String projectId, String reason, String by, java.time.Instant at) {
        var ofProject = ledger.ofTeacher(teacherId).stream().filter(e -> projectId.equals(e.projectId())).toList();
        var reversed = new HashSet<String>();
        ofProject.stream().filter(e -> e.reverses() != null).forEach(e -> reversed.add(e.reverses()));
        return ofProject.stream().filter(e -> e.reverses() == null && e.hours() > 0 && !reversed.contains(e.id()))
                .map(e -> new CreditEntry("REV:" + e.id(), teacherId, e.year(), e.category(), -e.hours(), e.topic(), "correction",
                        projectId, e.id(), reason, by, at))
                .toList();
    }
}
