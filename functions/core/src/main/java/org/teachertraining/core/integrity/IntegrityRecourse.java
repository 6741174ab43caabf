package org.teachertraining.core.integrity;

import org.teachertraining.core.common.BadCursor;
import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.UploadUrls;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.TeacherAccess;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recourse on integrity records (E4a). The county (or the city above it) excuses a no-show with cause and an
 * uploaded file as evidence — the ban is lifted; the teacher appeals a record — the ban stays until the
 * province decides; the province lifts or keeps a record under appeal or excused, with a reason, and that
 * decision is final. Each step is kept with who, when, why and the evidence; the ban (E4) follows the latest.
 */
public final class IntegrityRecourse {
    static final int MAX_REASON = 500;
    static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;
    static final Set<FileType> EVIDENCE_TYPES = EnumSet.of(FileType.PDF, FileType.JPEG, FileType.PNG);

    /** A record as its file shows it: the recourse so far and whether it bars the teacher today. */
    public record Entry(IntegrityRecord record, Recourse recourse, boolean banning) {
        /** The record as it stands {@code today}: it bans while in force, unless its recourse lifted the ban (E4). */
        static Entry of(IntegrityRecord record, Recourse recourse, java.time.LocalDate today) {
            return new Entry(record, recourse, record.bans(today) && !recourse.liftsBan());
        }
    }

    public record EvidenceUpload(String evidenceKey, UploadUrls.UploadUrl upload) {}

    /** A record of a teacher found for a step. */
    private record Found(Teacher teacher, IntegrityRecord record) {}

    public static final int MAX_PAGE = 100;

    private final Teachers teachers;
    private final IntegrityRecords records;
    private final EvidenceFiles evidence;
    private final Access access;
    private final Clock clock;

    public IntegrityRecourse(Teachers teachers, IntegrityRecords records, EvidenceFiles evidence, Access access, Clock clock) {
        this.teachers = teachers;
        this.records = records;
        this.evidence = evidence;
        this.access = access;
        this.clock = clock;
    }

    /** The teacher's file: the teacher, and admins whose subtree holds the teacher. */
    public Outcome<List<Entry>> file(Caller caller, String teacherId) {
        var denied = TeacherAccess.selfOrAdminsAbove(access, teachers, caller, teacherId);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var recourse = records.recourseOf(teacherId);
        var today = ChinaTime.today(clock);
        var out = new ArrayList<Entry>();
        for (var r : records.ofTeacher(teacherId)) {
            var c = recourse.getOrDefault(r.id(), Recourse.none(teacherId, r.id()));
            out.add(Entry.of(r, c, today));
        }
        return Outcome.done(out);
    }

    /**
     * The records awaiting the province's decision (E4a) — appealed by their teachers, or excused by a county and
     * open to the province's review — of the teachers in {@code jurisdiction} (the caller's own unit when absent),
     * for the admins whose subtree holds it; optionally of one {@code recourse} status; the longest waiting first.
     */
    public Outcome<Page<ForDecision>> awaitingDecision(Caller caller, String jurisdiction, String recourse, String cursor, Integer limit) {
        String unit = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        var denied = access.require(caller, unit, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var v = new Violations();
        v.range("limit", limit, 1, MAX_PAGE);
        Recourse.Status status = null;
        if (recourse != null) {
            if (recourse.equals(Recourse.Status.APPEALED.name()) || recourse.equals(Recourse.Status.EXCUSED.name())) {
                status = Recourse.Status.valueOf(recourse);
            } else {
                v.add("recourse", "只能按「" + Recourse.Status.APPEALED.zh() + "」或「" + Recourse.Status.EXCUSED.zh() + "」筛选", "must be APPEALED or EXCUSED");
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        try {
            var page = records.awaitingDecision(JurisdictionTree.subtreePrefix(unit), status, cursor, limit == null ? 50 : limit);
            var today = ChinaTime.today(clock);
            return Outcome.done(new Page<>(page.items().stream()
                    .map(a -> new ForDecision(Entry.of(a.record(), a.recourse(), today), a.teacherUnit()))
                    .toList(), page.nextCursor()));
        } catch (BadCursor e) {
            return Outcome.refused(BadCursor.refusal());
        }
    }

    /** An entry of the list awaiting the province's decision, with its teacher's unit. */
    public record ForDecision(Entry entry, String teacherUnit) {}

    /** An upload URL for a file of evidence: the county's admins for an excuse, the teacher for an appeal. */
    public Outcome<EvidenceUpload> evidenceUpload(Caller caller, String teacherId, String recordId, String fileName, String contentType, Long size) {
        var found = find(caller, teacherId, recordId);
        if (found instanceof Outcome.Refused<Found> r) return Outcome.refused(r.refusal());
        var v = new Violations();
        v.name("fileName", fileName, 200);
        var type = contentType == null ? java.util.Optional.<FileType>empty() : FileType.ofContentType(contentType);
        if (v.required("contentType", contentType) && (type.isEmpty() || !EVIDENCE_TYPES.contains(type.get()))) {
            v.add("contentType", "证明材料须为 PDF、JPEG 或 PNG", "evidence must be PDF, JPEG or PNG");
        }
        if (v.required("size", size)) v.range("size", size, 1, MAX_EVIDENCE_BYTES);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        String key = prefix(teacherId, recordId) + UUID.randomUUID() + "." + type.get().name().toLowerCase(java.util.Locale.ROOT);
        return Outcome.done(new EvidenceUpload(key, evidence.forUpload(key, size, type.get().contentType())));
    }

    /**
     * A link to a file of evidence a step of the record's recourse cites ({@code file}, the last part of its
     * {@code evidenceKey}): for the teacher, and the province, city and county admins over the teacher, who decide on
     * it. A file uploaded but cited by no step is not found.
     */
    public Outcome<EvidenceFiles.Link> evidence(Caller caller, String teacherId, String recordId, String file) {
        var found = find(caller, teacherId, recordId);
        if (found instanceof Outcome.Refused<Found> r) return Outcome.refused(r.refusal());
        String key = prefix(teacherId, recordId) + file;
        var cited = records.recourseOf(teacherId).getOrDefault(recordId, Recourse.none(teacherId, recordId)).steps().stream()
                .anyMatch(s -> key.equals(s.evidenceKey()));
        if (!cited) return Outcome.refused(Refusal.notFound(Text.of("该记录的申诉或认定中没有这份证明材料", "No step of this record's recourse cites this evidence")));
        return Outcome.done(evidence.forDownload(key));
    }

    /** The county excuses a no-show with cause: evidence required; the ban is lifted. */
    public Outcome<Entry> excuse(Caller caller, String teacherId, String recordId, String reason, String evidenceKey) {
        if (!caller.hasRole(Role.COUNTY_ADMIN, Role.CITY_ADMIN)) return Outcome.refused(Access.roleRefusal(Role.COUNTY_ADMIN, Role.CITY_ADMIN));
        var found = find(caller, teacherId, recordId);
        if (found instanceof Outcome.Refused<Found> r) return Outcome.refused(r.refusal());
        var target = ((Outcome.Done<Found>) found).value();
        var kind = target.record().kind();
        if (kind != IntegrityRecord.Kind.NO_SHOW) {
            return Outcome.refused(Refusal.conflict("E4a", Text.of("只有未参训记录可由县区认定正当理由；" + kind.zh() + "记录请由教师申诉",
                    "Only a no-show can be excused by the county; a " + kind + " record goes by appeal")));
        }
        var v = new Violations();
        v.text("reason", reason, MAX_REASON);
        if (v.required("evidenceKey", evidenceKey)) checkEvidence(v, teacherId, recordId, evidenceKey);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        return step(caller, target, EnumSet.noneOf(Recourse.Status.class), true, Recourse.Status.EXCUSED,
                new Recourse.Step(Recourse.Action.EXCUSE, caller.userId(), caller.role().name(), clock.instant(), reason.strip(), evidenceKey, null));
    }

    /** The teacher appeals their own record; the ban stays until the province decides. */
    public Outcome<Entry> appeal(Caller caller, String teacherId, String recordId, String reason, String evidenceKey) {
        if (caller.role() != Role.TEACHER || !teacherId.equals(caller.teacherId())) {
            return Outcome.refused(Refusal.forbidden(Text.of("只有教师本人可以申诉", "Only the teacher may appeal their own record")));
        }
        var found = find(caller, teacherId, recordId);
        if (found instanceof Outcome.Refused<Found> r) return Outcome.refused(r.refusal());
        var v = new Violations();
        v.text("reason", reason, MAX_REASON);
        if (evidenceKey != null) checkEvidence(v, teacherId, recordId, evidenceKey);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        return step(caller, ((Outcome.Done<Found>) found).value(), EnumSet.noneOf(Recourse.Status.class), true, Recourse.Status.APPEALED,
                new Recourse.Step(Recourse.Action.APPEAL, caller.userId(), caller.role().name(), clock.instant(), reason.strip(), evidenceKey, null));
    }

    /** The province lifts or keeps a record under appeal, or reviews a county's excuse; final. */
    public Outcome<Entry> decide(Caller caller, String teacherId, String recordId, Boolean lift, String reason) {
        if (!caller.hasRole(Role.PROVINCE_ADMIN)) return Outcome.refused(Access.roleRefusal(Role.PROVINCE_ADMIN));
        var found = find(caller, teacherId, recordId);
        if (found instanceof Outcome.Refused<Found> r) return Outcome.refused(r.refusal());
        var v = new Violations();
        v.required("lift", lift);
        v.text("reason", reason, MAX_REASON);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        return step(caller, ((Outcome.Done<Found>) found).value(), EnumSet.of(Recourse.Status.APPEALED, Recourse.Status.EXCUSED), false,
                lift ? Recourse.Status.LIFTED : Recourse.Status.KEPT,
                new Recourse.Step(Recourse.Action.DECISION, caller.userId(), caller.role().name(), clock.instant(), reason.strip(), null, lift));
    }

    /** One step, saved on the version it was decided on: {@code from} the statuses it may follow ({@code fromNone}: also a record without recourse). */
    private Outcome<Entry> step(Caller caller, Found found, Set<Recourse.Status> from, boolean fromNone, Recourse.Status to, Recourse.Step step) {
        var record = found.record();
        var current = records.recourseOf(record.teacherId()).getOrDefault(record.id(), Recourse.none(record.teacherId(), record.id()));
        boolean allowed = current.status() == null ? fromNone : from.contains(current.status());
        if (!allowed) {
            String now = current.status() == null ? "无" : current.status().zh();
            return Outcome.refused(Refusal.conflict("E4a", Text.of("该记录当前状态为「" + now + "」，不能" + verb(step.action()),
                    "The record's recourse is " + (current.status() == null ? "none" : current.status().name()) + ": it cannot be " + pastTense(step.action())))
                    .withDetails(Map.of("recourse", current.status() == null ? "NONE" : current.status().name())));
        }
        var next = current.then(to, step);
        var notices = RecourseNotice.of(next, record, found.teacher(), access.tree(), step.at());
        if (!records.saveRecourse(next, record, found.teacher().unit(), notices)) {
            return Outcome.refused(Refusal.conflict("E4a", Text.of("该记录刚由他人处理，请刷新后重试", "Someone acted on this record meanwhile; reload and try again")));
        }
        return Outcome.done(Entry.of(record, next, ChinaTime.today(clock)));
    }

    /** The record, for the teacher themself or admins whose subtree holds the teacher (each step checks the role it needs). */
    private Outcome<Found> find(Caller caller, String teacherId, String recordId) {
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        Teacher t = teacher.get();
        boolean self = caller.role() == Role.TEACHER && teacherId.equals(caller.teacherId());
        if (!self) {
            var denied = access.require(caller, t.jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        var record = records.ofTeacher(teacherId).stream().filter(r -> r.id().equals(recordId)).findFirst();
        if (record.isEmpty()) return Outcome.refused(Refusal.notFound(Text.of("没有这条诚信记录", "No such integrity record")));
        return Outcome.done(new Found(t, record.get()));
    }

    private void checkEvidence(Violations v, String teacherId, String recordId, String key) {
        if (!key.startsWith(prefix(teacherId, recordId)) || key.length() > 300 || !key.matches("[A-Za-z0-9/_.:-]+")) {
            v.add("evidenceKey", "须为本记录上传证明材料时给出的 evidenceKey", "must be the evidenceKey given when this record's evidence was uploaded");
        } else if (!evidence.exists(key)) {
            v.add("evidenceKey", "证明材料尚未上传", "the evidence has not been uploaded yet");
        }
    }

    static String prefix(String teacherId, String recordId) {
        return "evidence/" + teacherId + "/" + recordId + "/";
    }

    private static String verb(Recourse.Action a) {
        return switch (a) {
            case EXCUSE -> "再认定正当理由";
            case APPEAL -> "申诉";
            case DECISION -> "作出决定";
        };
    }

    private static String pastTense(Recourse.Action a) {
        return switch (a) {
            case EXCUSE -> "excused";
            case APPEAL -> "appealed";
            case DECISION -> "decided";
        };
    }

    /** What the API shows of an entry awaiting the decision: the entry and its teacher's unit. */
    public static Map<String, Object> view(ForDecision a) {
        var out = view(a.entry());
        out.put("jurisdiction", a.teacherUnit());
        return out;
    }

    /** What the API shows of an entry. */
    public static LinkedHashMap<String, Object> view(Entry e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("recordId", e.record().id());
        out.put("teacherId", e.record().teacherId());
        out.put("kind", e.record().kind().name());
        out.put("projectId", e.record().projectId());
        out.put("occurredOn", e.record().occurredOn().toString());
        out.put("bannedUntil", e.record().bannedUntil().toString());
        out.put("recourse", e.recourse().status() == null ? "NONE" : e.recourse().status().name());
        out.put("banning", e.banning());
        out.put("steps", e.recourse().steps());
        return out;
    }
}
