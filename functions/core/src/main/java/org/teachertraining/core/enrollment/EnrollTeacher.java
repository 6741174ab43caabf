package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.teacher.Teacher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Selects a teacher into a project (遴选), enforcing E1–E6. A county or city admin enrolls teachers of its
 * own subtree; the seat comes from the deepest pool on the teacher's quota chain below the project's owner.
 */
public final class EnrollTeacher {

    /** {@code created} is false when the request repeated an earlier one (200 instead of 201). */
    public record Enrolled(Enrollment enrollment, boolean created) {}

    private final SelectionRecords records;
    private final Quotas quotas;
    private final Enrollments enrollments;
    private final IntegrityRecords integrity;
    private final TrainingHours hours;
    private final CycleRequirements cycles;
    private final Access access;
    private final Clock clock;

    /** @param records the project, the teacher and their enrollment, read at once ({@link SelectionRecords}) */
    public EnrollTeacher(SelectionRecords records, Quotas quotas, Enrollments enrollments,
                         IntegrityRecords integrity, TrainingHours hours, CycleRequirements cycles, Access access, Clock clock) {
        this.cycles = cycles;
        this.records = records;
        this.quotas = quotas;
        this.enrollments = enrollments;
        this.integrity = integrity;
        this.hours = hours;
        this.access = access;
        this.clock = clock;
    }

    /** Who selects: a city or county admin, or a school admin nominating its own teachers within its school's seats. */
    static final Role[] SELECTORS = {Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};

    public Outcome<Enrolled> execute(Caller caller, String projectId, String teacherId, String idempotencyKey) {
        if (!caller.hasRole(SELECTORS)) return Outcome.refused(Access.roleRefusal(SELECTORS));
        var v = new Violations();
        v.identifier("teacherId", teacherId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        // read at once, checked in this order: the project, the teacher, the caller's authority over the teacher;
        // the enrollment read with them is looked at only after that
        var found = records.find(projectId, teacherId);
        if (found.project().isEmpty()) return Outcome.refused(NotFound.project(projectId));
        Project project = found.project().get();

        if (found.teacher().isEmpty()) return Outcome.refused(NotFound.teacher(teacherId, records.teacherRegisteredAs(teacherId)));
        Teacher t = found.teacher().get();
        var denied = access.require(caller, t.unit(), SELECTORS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        // only now, with the caller authorized for this teacher, may a stored key answer; keys are the
        // caller's own (scoped by user), so another caller's key neither blocks nor reveals anything
        String requestHash = fingerprint(teacherId);
        if (idempotencyKey != null) {
            var replay = replay(caller, projectId, idempotencyKey, requestHash);
            if (replay.isPresent()) return replay.get();
        }

        var existing = found.enrollment().filter(e -> e.status().holdsSeat());
        if (existing.isPresent()) return repeated(existing.get(), idempotencyKey);

        for (int attempt = 1; ; attempt++) {
            var national = nationalSeatsRead(project, t);
            var refusal = checkRules(project, t, national);
            if (refusal.isPresent()) return Outcome.refused(refusal.get());
            var selected = select(caller, project, t, found.waitlisted().orElse(null), national, idempotencyKey, requestHash);
            if (selected.isPresent()) return selected.get();
            // a national seat was booked for the teacher meanwhile: E5's cap is checked again on a fresh read
            if (attempt >= NATIONAL_ATTEMPTS) {
                return Outcome.refused(Refusal.conflict(null, Text.of("该教师的国培项目报名刚有变动，请重新遴选",
                        "The teacher's national enrollments changed during the request: enroll again")));
            }
        }
    }

    /** How often an enrollment checks E5's national cap again after a national seat was booked for its teacher meanwhile. */
    public static final int NATIONAL_ATTEMPTS = 5;

    /**
     * The booking, once the rules passed on {@code national} (null: no national cap checked): the outcome, or empty when a
     * national seat was booked for the teacher since {@code national} was read.
     */
    private Optional<Outcome<Enrolled>> select(Caller caller, Project project, Teacher t, WaitlistEntry waitlisted, NationalSeats national,
                                               String idempotencyKey, String requestHash) {
        String projectId = project.id(), teacherId = t.id();
        var pool = poolFor(project, t.unit());
        if (pool.isEmpty()) {
            return Optional.of(Outcome.refused(Refusal.conflict("E1", Text.of(
                    "名额已满：" + access.tree().nameOf(t.unit()) + "未分配到该项目名额",
                    "Quota full: no seats of this project are allocated to " + t.unit()))));
        }
        if (caller.role() == Role.SCHOOL_ADMIN && !pool.get().equals(caller.jurisdiction())) {
            return Optional.of(Outcome.refused(Refusal.conflict("E1", Text.of("本校未分配到该项目名额，由县区遴选", "This school holds no seats of this project: the county selects"))
                    .withDetails(Map.of("quotaJurisdiction", pool.get()))));
        }
        var enrollment = new Enrollment(UUID.randomUUID().toString(), projectId, teacherId, t.name(), t.jurisdiction(),
                pool.get(), EnrollmentStatus.SELECTED, idempotencyKey, project.name(), project.level(),
                project.startDate(), caller.userId(), clock.instant(), null, Enrollment.schoolOf(t));
        var key = idempotencyKey == null ? null : new IdempotencyRecord(projectId, caller.userId(), idempotencyKey, requestHash, teacherId);
        var booking = enrollments.book(enrollment, key, SelectionNotice.selected(project, enrollment, clock.instant()), waitlisted, national);
        if (booking instanceof Enrollments.Booking.NationalSeatsChanged) return Optional.empty();
        return Optional.of(booked(booking, caller, project, t, pool.get(), idempotencyKey, requestHash));
    }

    private Outcome<Enrolled> booked(Enrollments.Booking booking, Caller caller, Project project, Teacher t, String pool,
                                     String idempotencyKey, String requestHash) {
        if (booking instanceof Enrollments.Booking.Booked b) return Outcome.done(new Enrolled(b.enrollment(), true));
        if (booking instanceof Enrollments.Booking.AlreadyEnrolled a) return repeated(a.existing(), idempotencyKey);
        if (booking instanceof Enrollments.Booking.KeyTaken) return replay(caller, project.id(), idempotencyKey, requestHash).orElseThrow();
        // banned while this request was under way (the booking checks the teacher's ban, Enrollments#book): the file says why
        if (booking instanceof Enrollments.Booking.Banned) return Outcome.refused(banned(project, t).orElseGet(EnrollTeacher::bannedMeanwhile));
        // a pool closed under the booking (Quotas#close): the project was cancelled while this request was under way
        var cancelledMeanwhile = records.find(project.id(), t.id()).project().filter(p -> p.cancelledAt() != null);
        if (cancelledMeanwhile.isPresent()) return Outcome.refused(cancelled(cancelledMeanwhile.get(), "E2"));
        return Outcome.refused(Refusal.conflict("E1", Text.of(
                "名额已满：" + access.tree().nameOf(pool) + "的名额已用完", "Quota full: the seats of " + pool + " are all taken"))
                .withDetails(Map.of("quotaJurisdiction", pool)));
    }

    /**
     * Why {@code t} could not take a seat in {@code project} now: the checks of an enrollment, in its order —
     * a seat held already (E6), E2–E5, no seat for the teacher's unit or none left (E1). Empty: a seat is
     * there to take (it can still be taken by someone else first: only {@link #execute} books it).
     */
    public Optional<Refusal> whyNot(Project project, Teacher t) {
        if (enrollments.find(project.id(), t.id()).filter(e -> e.status().holdsSeat()).isPresent()) {
            return Optional.of(Refusal.conflict("E6", Text.of("已入选本项目", "Already enrolled in this project")));
        }
        var rules = checkRules(project, t, nationalSeatsRead(project, t));
        if (rules.isPresent()) return rules;
        var pool = poolFor(project, t.unit());
        if (pool.isEmpty()) {
            return Optional.of(Refusal.conflict("E1", Text.of("所在地区未分配到该项目名额", "No seats of this project are allocated to the teacher's unit")));
        }
        if (quotas.find(project.id(), pool.get()).map(q -> q.free() <= 0).orElse(true)) {
            return Optional.of(Refusal.conflict("E1", Text.of("名额已满：" + access.tree().nameOf(pool.get()) + "的名额已用完", "Quota full: the seats of " + pool.get() + " are all taken"))
                    .withDetails(Map.of("quotaJurisdiction", pool.get())));
        }
        return Optional.empty();
    }

    /** E2–E5, in the order a bureau would want them explained; E5's national caps on {@code national} ({@link #nationalSeatsRead}). */
    private Optional<Refusal> checkRules(Project project, Teacher t, NationalSeats national) {
        return selectionClosed(project).or(() -> barsTeacher(project, t, national));
    }

    /** E2: the project's selection has closed (its cutoff, China Standard Time), or the project was cancelled. */
    public Optional<Refusal> selectionClosed(Project project) {
        if (project.cancelledAt() != null) return Optional.of(cancelled(project, "E2"));
        if (clock.instant().isBefore(project.selectionCutoff())) return Optional.empty();
        return Optional.of(Refusal.conflict("E2", Text.of(
                "遴选已截止（截止时间 " + ChinaTime.readable(project.selectionCutoff()) + "，北京时间）",
                "Selection closed at " + ChinaTime.readable(project.selectionCutoff()) + " (Beijing time)"))
                .withDetails(Map.of("selectionCutoff", project.selectionCutoff().atZone(ChinaTime.ZONE).toOffsetDateTime().toString())));
    }

    /** A booking refused by a ban that was lifted again before the file could be read: rare, and worth a retry. */
    static Refusal bannedMeanwhile() {
        return Refusal.conflict(null, Text.of("该教师的诚信记录刚有变动，请重新遴选", "The teacher's integrity file changed during the request: enroll again"));
    }

    /** A cancelled project selects (E2) and registers (E8) no one. */
    static Refusal cancelled(Project project, String rule) {
        String at = ChinaTime.readable(project.cancelledAt());
        return Refusal.conflict(rule, Text.of("项目已于 " + at + "（北京时间）取消，不再遴选或报到", "The project was cancelled at " + at + " (Beijing time): no one is selected or registered"))
                .withDetails(Map.of("cancelledAt", project.cancelledAt().atZone(ChinaTime.ZONE).toOffsetDateTime().toString()));
    }

    /** E3–E5: what keeps this teacher out of this project whenever they would be selected (a waitlist's promotion too). */
    public Optional<Refusal> barsTeacher(Project project, Teacher t) {
        return barsTeacher(project, t, nationalSeatsRead(project, t));
    }

    /**
     * The teacher's national seats, read for E5's caps when {@code project} is national and caps them; null when it does
     * not. A booking made after the check carries the read ({@link Enrollments#book}).
     */
    public NationalSeats nationalSeatsRead(Project project, Teacher t) {
        var e = project.eligibility();
        if (project.level() != ProgramLevel.NATIONAL || (e.nationalCapPerCycle() == null && e.nationalParticipationCap() == null)) return null;
        return enrollments.nationalSeats(t.id());
    }

    /** {@link #barsTeacher(Project, Teacher)} with E5's caps checked on {@code national}, as {@link #nationalSeatsRead} read it. */
    public Optional<Refusal> barsTeacher(Project project, Teacher t, NationalSeats national) {
        LocalDate today = ChinaTime.today(clock);
        var ineligible = project.eligibility().check(t, today);
        if (ineligible.isPresent()) {
            return Optional.of(Refusal.unprocessable("E3", ineligible.get().message(),
                    Map.of("criterion", ineligible.get().criterion())));
        }
        return banned(project, t).or(() -> checkNeedlessRepeat(project, t, national));
    }

    /** E4: the teacher's integrity file bars them from a provincial or national project today. */
    Optional<Refusal> banned(Project project, Teacher t) {
        if (!project.level().isProvincialOrAbove()) return Optional.empty();
        return integrity.banning(t.id(), ChinaTime.today(clock)).stream()
                .max(Comparator.comparing(IntegrityRecord::bannedUntil))
                .map(ban -> Refusal.unprocessable("E4", Text.of(
                        "该教师因诚信记录（" + ban.kind().zh() + "，" + ban.occurredOn() + "）在 " + ban.bannedUntil() + " 前不得参加省级及以上项目",
                        "The teacher is banned from provincial and national projects until " + ban.bannedUntil()
                                + " (" + org.teachertraining.core.common.Labels.of(ban.kind()).en().toLowerCase(java.util.Locale.ROOT) + " on " + ban.occurredOn() + ")"),
                        Map.of("bannedUntil", ban.bannedUntil().toString(), "reason", ban.kind().name())));
    }

    /** E5: no selection of teachers who already met the year's hours, nor past the national-participation cap. */
    private Optional<Refusal> checkNeedlessRepeat(Project project, Teacher t, NationalSeats national) {
        var e = project.eligibility();
        if (e.annualHoursCap() != null) {
            int year = project.startDate().getYear();
            int credited = hours.creditedIn(t.id(), year);
            if (credited >= e.annualHoursCap()) {
                return Optional.of(Refusal.unprocessable("E5", Text.of(
                        "该教师 " + year + " 年已获 " + credited + " 学时，已达年度要求 " + e.annualHoursCap() + " 学时",
                        "The teacher already has " + Text.count(credited, "hour") + " in " + year + ", meeting the year's requirement of " + e.annualHoursCap()),
                        Map.of("criterion", "annualHoursCap", "hours", credited)));
            }
        }
        if (Boolean.TRUE.equals(e.refuseWhenYearMet())) {
            int year = project.startDate().getYear();
            var cycle = cycles.cycleOf(t, year);
            if (cycle.isPresent()) {
                var c = cycle.get();
                int credited = hours.creditedIn(t.id(), year);
                if (credited >= c.annualShare()) {
                    return Optional.of(Refusal.unprocessable("E5", Text.of(
                            "该教师 " + year + " 年已获 " + credited + " 学时，已达本年度应修学时 " + c.annualShare() + "（" + c.name() + "：" + c.fromYear() + "–" + c.toYear() + " 年共 " + c.minHours() + " 学时）",
                            "The teacher already has " + Text.count(credited, "hour") + " in " + year + ", the year's share of " + c.annualShare() + " (" + c.requirementId()
                                    + ": " + Text.count(c.minHours(), "hour") + " in " + c.fromYear() + "-" + c.toYear() + ")"),
                            Map.of("criterion", "yearRequirementMet", "hours", credited, "required", c.annualShare(), "requirementId", c.requirementId())));
                }
                int inCycle = 0;
                for (int y = c.fromYear(); y <= c.toYear(); y++) inCycle += hours.creditedIn(t.id(), y);
                if (inCycle >= c.minHours()) {
                    return Optional.of(Refusal.unprocessable("E5", Text.of(
                            "该教师本周期（" + c.fromYear() + "–" + c.toYear() + " 年）已获 " + inCycle + " 学时，已达周期要求 " + c.minHours() + " 学时",
                            "The teacher already has " + Text.count(inCycle, "hour") + " in the cycle " + c.fromYear() + "-" + c.toYear() + ", meeting its " + c.minHours()),
                            Map.of("criterion", "cycleRequirementMet", "hours", inCycle, "required", c.minHours(), "requirementId", c.requirementId())));
                }
            }
        }
        if (e.nationalCapPerCycle() != null && project.level() == ProgramLevel.NATIONAL) {
            var cycle = cycles.cycleOf(t, project.startDate().getYear());
            if (cycle.isPresent()) {
                var c = cycle.get();
                long joined = national.enrollments().stream().filter(x -> x.status().holdsSeat()
                        && x.projectStartDate().getYear() >= c.fromYear() && x.projectStartDate().getYear() <= c.toYear()).count();
                if (joined >= e.nationalCapPerCycle()) {
                    return Optional.of(Refusal.unprocessable("E5", Text.of(
                            "该教师本周期（" + c.fromYear() + "–" + c.toYear() + " 年）已参加 " + joined + " 个国培项目，已达上限 " + e.nationalCapPerCycle(),
                            "The teacher has joined " + joined + " national projects in the cycle " + c.fromYear() + "-" + c.toYear() + ", the cap is " + e.nationalCapPerCycle()),
                            Map.of("criterion", "nationalCapPerCycle", "participations", joined, "cap", e.nationalCapPerCycle(),
                                    "cycleFrom", c.fromYear(), "cycleTo", c.toYear())));
                }
            }
        }
        var cap = e.nationalParticipationCap();
        if (cap != null && project.level() == ProgramLevel.NATIONAL) {
            long joined = national.enrollments().stream()
                    .filter(x -> x.status().holdsSeat() && x.projectStartDate().getYear() >= cap.sinceYear()).count();
            if (joined >= cap.max()) {
                return Optional.of(Refusal.unprocessable("E5", Text.of(
                        "该教师自 " + cap.sinceYear() + " 年起已参加 " + joined + " 个国培项目，已达上限 " + cap.max(),
                        "The teacher has joined " + joined + " national projects since " + cap.sinceYear() + ", the cap is " + cap.max()),
                        Map.of("criterion", "nationalParticipationCap", "participations", (int) joined)));
            }
        }
        return Optional.empty();
    }

    /**
     * The pool a seat comes from: the deepest unit on the teacher's quota chain (from their school, see
     * {@code Teacher#unit}), below the project's owner, that holds an allocation. A project run by a county
     * enrolls from its own pool.
     */
    public Optional<String> poolFor(Project project, String teacherJurisdiction) {
        var chain = access.tree().quotaChain(teacherJurisdiction);
        int ownerAt = chain.indexOf(project.ownerJurisdiction());
        if (ownerAt < 0) return Optional.empty();
        var candidates = ownerAt == 0 ? chain.subList(0, 1) : chain.subList(0, ownerAt);
        // at most three reads (county, city, province-administered county): cheaper than listing every quota
        return candidates.stream().filter(c -> quotas.find(project.id(), c).isPresent()).findFirst();
    }

    private Outcome<Enrolled> repeated(Enrollment existing, String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.equals(existing.idempotencyKey())) {
            return Outcome.refused(Refusal.conflict("E6", Text.of(
                    "该教师已入选本项目（每个项目只占一个名额）", "The teacher is already enrolled in this project (one seat per project)"))
                    .withDetails(Map.of("enrollmentId", existing.id())));
        }
        return Outcome.done(new Enrolled(existing, false));
    }

    private Optional<Outcome<Enrolled>> replay(Caller caller, String projectId, String key, String requestHash) {
        return enrollments.findKey(projectId, caller.userId(), key).map(rec -> {
            if (!rec.requestHash().equals(requestHash)) {
                return Outcome.refused(Refusal.unprocessable(null, Text.of(
                        "幂等键已用于另一请求", "The Idempotency-Key was already used for a different request"),
                        Map.of()));
            }
            return Outcome.done(new Enrolled(enrollments.find(projectId, rec.teacherId()).orElseThrow(), false));
        });
    }

    private static String fingerprint(String teacherId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(("enroll\n" + teacherId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
