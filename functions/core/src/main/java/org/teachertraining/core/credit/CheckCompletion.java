package org.teachertraining.core.credit;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.teacher.Teacher;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a completion unpostable (C1, C4, C5), found before anything is written or queued: the project
 * and its institution, every trainee holding a seat and named once, outcomes with hours only where passed,
 * hours within the project's plan ({@link TrainingPlan}), and the institution accredited for them.
 */
public final class CheckCompletion {
    /** One completion is one class (at most 50 trainees); its results are claimed in one DynamoDB transaction (≤ 100 items). */
    static final int MAX_RESULTS = 100;

    /** A checked completion: its trainees' enrollments that hold a seat, and their teacher records, by teacher ID. */
    public record Checked(Project project, Map<String, Enrollment> seats, Map<String, Teacher> teachers) {}

    private final CompletionRecords records;
    private final Programs programs;
    private final RequirementBook requirements;

    /** @param requirements what a trainee's {@code topic} may be: a topic some requirement counts ({@link RequirementBook#topics}) */
    public CheckCompletion(CompletionRecords records, Programs programs, RequirementBook requirements) {
        this.records = records;
        this.programs = programs;
        this.requirements = requirements;
    }

    /** Everything that makes a completion unpostable, found before anything is written. */
    public Optional<Refusal> check(Completion c) {
        return checked(c) instanceof Outcome.Refused<Checked> refused ? Optional.of(refused.refusal()) : Optional.empty();
    }

    /** The same check, done with the seats it read: each trainee's enrollment by teacher ID; or what makes the completion unpostable. */
    public Outcome<Map<String, Enrollment>> seats(Completion c) {
        return checked(c).map(Checked::seats);
    }

    /**
     * The same check, with what it read for posting the completion (the project: the year its hours are credited to; the
     * seats: the ban's date and the certificate's names; the teachers: their compliance), so that posting need not read
     * them again.
     */
    public Outcome<Checked> checked(Completion c) {
        var v = new Violations();
        v.identifier("completionId", c.completionId());
        v.identifier("institutionId", c.institutionId());   // read with the project, before it is compared with the project's
        if (!v.required("results", c.results()) || !v.required("recordedAt", c.recordedAt())) return Outcome.refused(v.refusal());
        if (c.results().size() > MAX_RESULTS) {
            return Outcome.refused(v.add("results", "一次最多登记 " + MAX_RESULTS + " 名学员", "at most " + MAX_RESULTS + " results per completion").refusal());
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var parties = records.parties(c.projectId(), c.institutionId());
        if (parties.project().isEmpty()) return Outcome.refused(NotFound.project(c.projectId()));
        Project project = parties.project().get();
        if (!project.institutionId().equals(c.institutionId())) {
            return Outcome.refused(Refusal.forbidden(Text.of("承训单位 " + c.institutionId() + " 不承担该项目",
                    "Institution " + c.institutionId() + " does not run project " + c.projectId())));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < c.results().size(); i++) {
            var r = c.results().get(i);
            String path = "results[" + i + "]";
            if (r == null) {
                v.add(path, "必填", "is required");
                continue;
            }
            if (!v.required(path + ".outcome", r.outcome())) continue;
            int before = v.errors().size();
            v.identifier(path + ".teacherId", r.teacherId());
            if (r.topic() != null) v.identifier(path + ".topic", r.topic());
            if (v.errors().size() > before) continue;
            if (r.topic() != null) requirements.checkTopic(v, path + ".topic", r.topic());
            if (!seen.add(r.teacherId())) v.add(path + ".teacherId", "同一学员在一次结业登记中出现多次", "the same trainee appears twice in one completion");
            var hours = r.hours() == null ? Map.<CreditCategory, Integer>of() : r.hours();
            int wrongHours = v.errors().size();
            hours.forEach((category, h) -> {
                if (category == null) v.add(path + ".hours", "未知的学时类别", "unknown category");
                else if (h == null) v.add(path + ".hours." + category, "学时不能为空", "must be a number of hours");
                else if (h < 0) v.add(path + ".hours." + category, "学时不能为负", "must not be negative");
            });
            boolean hoursReadable = v.errors().size() == wrongHours;   // else refused once, for what is wrong with them
            if (hoursReadable && r.outcome() == Completion.Outcome.PASSED && hours.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
                v.add(path + ".hours", "结业合格须给出学时", "a passed trainee needs hours");
            }
            if (r.outcome() != Completion.Outcome.PASSED && !hours.isEmpty()) {
                v.add(path + ".hours", "只有结业合格的学员登记学时", "only a passed trainee is credited hours");
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var seats = new LinkedHashMap<String, Enrollment>();
        var trainees = records.trainees(c.projectId(), c.results().stream().map(Completion.Result::teacherId).toList());
        for (var r : c.results()) {
            var e = trainees.enrollments().get(r.teacherId());
            if (e != null && e.status().holdsSeat()) seats.put(r.teacherId(), e);
        }
        var outsider = c.results().stream().filter(r -> !seats.containsKey(r.teacherId())).findFirst();
        if (outsider.isPresent()) {
            String id = outsider.get().teacherId();
            // an ID card's "x" for "X": say which ID the teacher holds
            var registered = records.teacherRegisteredAs(id).map(NotFound::registeredAs).orElse(Text.of("", ""));
            return Outcome.refused(Refusal.unprocessable("C4", Text.of(
                    "该教师未在本项目占有名额（未入选或已退出）：" + id + registered.zh(),
                    "Not a trainee holding a seat of this project (never selected, or withdrawn): " + id + registered.en()),
                    Map.of("teacherId", id)));
        }
        var unpostable = checkPlan(project, c).or(() -> checkAccreditation(c, parties.institution()));
        return unpostable.isPresent() ? Outcome.refused(unpostable.get()) : Outcome.done(new Checked(project, seats, trainees.teachers()));
    }

    /**
     * E8 ({@code seats}: what {@link #seats} read for the completion): a trainee who never registered (报到) — marked NO_SHOW at the end of the first day — can only be reported a
     * no-show by the institution; anything else about them goes through recourse (E4a) or a correction.
     */
    public Optional<Refusal> unregistered(Completion c, Map<String, Enrollment> seats) {
        for (var r : c.results()) {
            if (r.outcome() == Completion.Outcome.NO_SHOW) continue;
            var e = Optional.ofNullable(seats.get(r.teacherId()));
            if (e.isPresent() && e.get().status() == org.teachertraining.core.enrollment.EnrollmentStatus.NO_SHOW) {
                return Optional.of(Refusal.conflict("E8", Text.of("学员 " + r.teacherId() + " 未在开班首日报到，只能登记为未报到",
                        "Trainee " + r.teacherId() + " did not register on the first day: only a no-show can be recorded")).withDetails(Map.of("teacherId", r.teacherId())));
            }
        }
        return Optional.empty();
    }

    /** C4: per category never more than the project's phases give, in all never more than its total hours. */
    private Optional<Refusal> checkPlan(Project project, Completion c) {
        var plan = TrainingPlan.of(project, programs.find(project.programId()).orElse(null));
        for (var r : c.results()) {
            if (r.outcome() != Completion.Outcome.PASSED) continue;
            for (var e : new java.util.TreeMap<>(r.hours()).entrySet()) {
                int bound = plan.bound(e.getKey());
                if (e.getValue() > bound) {
                    return Optional.of(overPlan(r.teacherId(), e.getKey().name(), e.getValue(), bound, Text.of(
                            "学员 " + r.teacherId() + " 的" + CreditCategories.zh(e.getKey()) + "学时 " + e.getValue() + " 超过项目计划的 " + bound + " 学时",
                            "Trainee " + r.teacherId() + ": " + Text.count(e.getValue(), org.teachertraining.core.common.Labels.of(e.getKey()).en().toLowerCase(java.util.Locale.ROOT) + " hour") + (e.getValue() == 1 ? " exceeds" : " exceed") + " the project's plan of " + bound)));
                }
            }
            int total = r.hours().values().stream().mapToInt(Integer::intValue).sum();
            if (total > plan.total()) {
                return Optional.of(overPlan(r.teacherId(), "TOTAL", total, plan.total(), Text.of(
                        "学员 " + r.teacherId() + " 的总学时 " + total + " 超过项目总学时 " + plan.total(),
                        "Trainee " + r.teacherId() + ": " + Text.count(total, "hour") + " in all exceed the project's total of " + plan.total())));
            }
        }
        return Optional.empty();
    }

    private static Refusal overPlan(String teacherId, String category, int asked, int bound, Text message) {
        var details = new LinkedHashMap<String, Object>();
        details.put("teacherId", teacherId);
        details.put("category", category);
        details.put("hours", asked);
        details.put("bound", bound);
        return Refusal.unprocessable("C4", message, details);
    }

    /** C1: only training by an institution accredited for the categories, on the completion day, is credited. */
    private Optional<Refusal> checkAccreditation(Completion c, Optional<Institution> institution) {
        var day = c.recordedAt().atZone(ChinaTime.ZONE).toLocalDate();
        var unaccredited = new java.util.TreeSet<CreditCategory>();
        for (var r : c.results()) {
            if (r.outcome() != Completion.Outcome.PASSED) continue;
            r.hours().forEach((category, h) -> {
                if (h > 0 && institution.map(i -> !i.accredits(category, day)).orElse(true)) unaccredited.add(category);
            });
        }
        if (unaccredited.isEmpty()) return Optional.empty();
        return Optional.of(Refusal.unprocessable("C1", Text.of(
                "承训单位 " + c.institutionId() + " 在 " + day + " 未获得以下类别的资质认定：" + CreditCategories.zh(unaccredited),
                "Institution " + c.institutionId() + " is not accredited on " + day + " for " + unaccredited),
                Map.of("institutionId", c.institutionId(), "categories", unaccredited.stream().map(Enum::name).toList())));
    }
}
