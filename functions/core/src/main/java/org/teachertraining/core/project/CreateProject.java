package org.teachertraining.core.project;

import org.teachertraining.core.common.Money;
import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.core.program.Programs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Creates a project inside a program; only the program's owner (or an admin above it) may. */
public final class CreateProject {

    public record Command(String code, String name, String category, Eligibility eligibility, List<Phase> phases,
                          Integer totalHours, Integer classSize, String institutionId, OffsetDateTime selectionCutoff,
                          LocalDate startDate, LocalDate endDate, BigDecimal budget, Integer seats,
                          /** open to teachers' own applications from the start (E9); the caller opens it once the project exists */
                          Boolean openToApplications,
                          /** high-end (backbone) training, counted toward the owner's T1 share */
                          Boolean highEnd,
                          /** P1: why an institution eliminated from the category is assigned it again; refused without it */
                          String eliminationOverride) {
        public Command(String code, String name, String category, Eligibility eligibility, List<Phase> phases, Integer totalHours,
                       Integer classSize, String institutionId, OffsetDateTime selectionCutoff, LocalDate startDate, LocalDate endDate,
                       BigDecimal budget, Integer seats) {
            this(code, name, category, eligibility, phases, totalHours, classSize, institutionId, selectionCutoff, startDate, endDate, budget, seats, null, null, null);
        }
    }

    /** A class (班) has at most 50 trainees (docs/domain.md). */
    public static final int MAX_CLASS_SIZE = 50;

    private final Programs programs;
    private final Projects projects;
    private final org.teachertraining.core.institution.Eliminations eliminations;
    private final Institutions institutions;
    private final Access access;
    private final Clock clock;

    public CreateProject(Programs programs, Projects projects, org.teachertraining.core.institution.Eliminations eliminations,
                         Institutions institutions, Access access, Clock clock) {
        this.programs = programs;
        this.projects = projects;
        this.eliminations = eliminations;
        this.institutions = institutions;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Project> execute(Caller caller, String programId, Command c) {
        var program = programs.find(programId);
        if (program.isEmpty()) {
            return Outcome.refused(NotFound.program(programId));
        }
        var denied = access.require(caller, program.get().jurisdiction(),
                Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());

        var v = validate(c);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());

        var p = program.get();
        // a registered institution named in another case ("zknu") is that institution: its ID as registered is stored and
        // its eliminations found; an ID not registered (yet) is kept as given
        var institution = institutions.find(c.institutionId());
        String institutionId = institution.map(Institution::id).orElse(c.institutionId());
        String category = c.category() == null ? null : c.category().strip();
        Project.AssignmentOverride override = null;
        var eliminated = category == null ? java.util.Optional.<org.teachertraining.core.institution.Eliminations.Elimination>empty()
                : eliminations.find(p.jurisdiction(), institutionId, category);
        if (eliminated.isPresent()) {
            var e = eliminated.get();
            if (c.eliminationOverride() == null || c.eliminationOverride().isBlank()) {
                return Outcome.refused(Refusal.conflict("P1", Text.of(
                        "承训机构 " + institutionId + " 在 " + e.year() + " 年度绩效评价中被末位淘汰（" + category + "类项目，第 " + e.rank() + "/" + e.of()
                                + " 名），不能再承担该类项目；确需指派的，请在 eliminationOverride 中说明理由",
                        "Institution " + institutionId + " was eliminated from " + category + " projects by the " + e.year()
                                + " evaluation (ranked " + e.rank() + " of " + e.of() + "); give the reason in eliminationOverride to assign it anyway"))
                        .withDetails(java.util.Map.of("eliminatedIn", e.programId(), "year", e.year())));
            }
            override = new Project.AssignmentOverride(c.eliminationOverride().strip(), e.programId(), e.year(), caller.userId(), clock.instant());
        }
        var project = new Project(UUID.randomUUID().toString(), p.id(), p.level(), p.jurisdiction(),
                c.code().strip(), c.name().strip(), category,
                c.eligibility(), c.phases(), c.totalHours(), c.classSize(), institutionId, institution.map(Institution::name).orElse(null), c.selectionCutoff().toInstant(), c.startDate(), c.endDate(),
                c.budget() == null ? null : c.budget().movePointRight(2).longValueExact(), c.seats(),
                caller.userId(), clock.instant(), Boolean.TRUE.equals(c.highEnd()), override, null);
        if (!projects.add(project)) {   // the code taken, whatever its case: name the one the program holds
            String existing = projects.ofProgram(p.id()).stream().map(Project::code).filter(project.code()::equalsIgnoreCase)
                    .findFirst().orElse(project.code());
            return Outcome.refused(Refusal.conflict(null, Text.of(
                    "该计划中已有编号为 " + existing + " 的项目（编号不区分大小写）",
                    "The program already has a project with code " + existing + " (codes are compared without case)"))
                    .withDetails(java.util.Map.of("existing", existing)));
        }
        return Outcome.done(project);
    }

    private Violations validate(Command c) {
        var v = new Violations();
        v.identifier("code", c.code());
        v.name("name", c.name(), 200);
        v.optionalText("category", c.category(), 100);
        v.identifier("institutionId", c.institutionId());
        if (c.eliminationOverride() != null) {
            v.optionalText("eliminationOverride", c.eliminationOverride(), 500);
            if (c.eliminationOverride().strip().length() < 10) {
                v.add("eliminationOverride", "理由至少 10 个字符", "needs a reason of at least 10 characters");
            }
        }
        if (v.required("totalHours", c.totalHours())) v.range("totalHours", c.totalHours(), 1, 2000);
        if (v.required("classSize", c.classSize())) v.range("classSize", c.classSize(), 1, MAX_CLASS_SIZE);
        v.range("seats", c.seats(), 1, 1_000_000);
        if (v.required("phases", c.phases())) {
            for (int i = 0; i < c.phases().size(); i++) {
                validatePhase(v, "phases[" + i + "]", c.phases().get(i));
            }
        }
        validateEligibility(v, c.eligibility());
        boolean dates = v.required("selectionCutoff", c.selectionCutoff())
                & v.required("startDate", c.startDate()) & v.required("endDate", c.endDate());
        if (c.selectionCutoff() != null && !c.selectionCutoff().toInstant().isAfter(clock.instant())) {
            v.add("selectionCutoff", "遴选截止时间已过，必须在将来", "is in the past; the selection cutoff must be in the future");
        }
        if (dates) {
            LocalDate cutoffDay = c.selectionCutoff().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
            if (c.startDate().isBefore(cutoffDay)) {
                v.add("startDate", "开班日期不能早于遴选截止日期 " + cutoffDay, "must not be before the selection cutoff date " + cutoffDay);
            }
            if (c.endDate().isBefore(c.startDate())) {
                v.add("endDate", "结束日期不能早于开班日期", "must not be before startDate");
            }
        }
        if (c.budget() != null) Money.fen(v, "budget", c.budget());
        return v;
    }

    private static void validatePhase(Violations v, String path, Phase ph) {
        if (ph == null) {
            v.add(path, "不能为空", "must not be null");
            return;
        }
        v.required(path + ".kind", ph.kind());
        v.range(path + ".days", ph.days(), 0, 366);
        v.range(path + ".hours", ph.hours(), 0, 2000);
        v.range(path + ".months", ph.months(), 0, 24);
        // a negative amount is refused by its range above, not again as missing
        if (given(ph.days()) + given(ph.hours()) + given(ph.months()) == 0) {
            v.add(path, "须给出天数、学时或月数之一", "needs days, hours or months");
        }
    }

    private static int given(Integer n) {
        return n != null && n != 0 ? 1 : 0;
    }

    private static void validateEligibility(Violations v, Eligibility e) {
        if (e == null) return;
        v.range("eligibility.minTeachingYears", e.minTeachingYears(), 0, 50);
        v.range("eligibility.annualHoursCap", e.annualHoursCap(), 1, 2000);
        if (e.subjects().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 30)) {
            v.add("eligibility.subjects", "学科名称须为 1–30 个字符", "subject names must be 1-30 characters");
        }
        var cap = e.nationalParticipationCap();
        if (cap != null) {
            if (v.required("eligibility.nationalParticipationCap.max", cap.max())) {
                v.range("eligibility.nationalParticipationCap.max", cap.max(), 0, 100);
            }
            if (v.required("eligibility.nationalParticipationCap.sinceYear", cap.sinceYear())) {
                v.range("eligibility.nationalParticipationCap.sinceYear", cap.sinceYear(), 2000, 2100);
            }
        }
    }
}
