package org.teachertraining.core.mentoring;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.credit.RefreshCompliance;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.mentoring.Mentoring.Attendance;
import org.teachertraining.core.mentoring.Mentoring.MemberRole;
import org.teachertraining.core.mentoring.Mentoring.Status;
import org.teachertraining.core.mentoring.Mentoring.Store;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * T2's hours: a backbone (or the master, or the owner's admins) records an activity with the hours of each of the backbone's
 * new teachers who took part; each new teacher's county approves or rejects that teacher's hours once, and approved hours
 * are credited to the teacher's ledger exactly once (entry {@code T2:<community>:<activity>}), in the category the activity
 * was held in, in the same transaction that counts them toward the teacher's 50 hours.
 */
public final class MentoringActivities {
    public record AttendeeHours(String teacherId, Integer hours) {}

    public record Record(String activityId, String backboneId, String title, LocalDate date, CreditCategory category, List<AttendeeHours> attendees) {}

    public record Activity(String communityId, String activityId, List<Attendance> attendances) {}

    public record Decide(Boolean approved, List<String> teacherIds, String note) {}

    /** The categories a mentoring activity is held in: online (the community's 网络研修) or at the school (师带徒, 校本研修). */
    static final Set<CreditCategory> CATEGORIES = Set.of(CreditCategory.ONLINE, CreditCategory.SCHOOL_BASED);
    static final String TOPIC = "MENTORING";

    private final Store store;
    private final Teachers teachers;
    private final RefreshCompliance compliance;
    private final Access access;
    private final Clock clock;

    public MentoringActivities(Store store, Teachers teachers, RefreshCompliance compliance, Access access, Clock clock) {
        this.store = store;
        this.teachers = teachers;
        this.compliance = compliance;
        this.access = access;
        this.clock = clock;
    }

    /** Records an activity; the same activity recorded again answers what was stored (done: false), a different one under its ID is refused. */
    public Outcome<Recorded> record(Caller caller, String communityId, Record r) {
        if (!caller.hasRole(Role.TEACHER, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN)) {
            return Outcome.refused(Access.roleRefusal(Role.TEACHER, Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN));
        }
        var v = new Violations();
        v.identifier("communityId", communityId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var community = store.find(communityId);
        if (community.isEmpty()) return Outcome.refused(MentoringCommunities.notFound(communityId));
        var c = community.get();
        if (caller.hasRole(Role.TEACHER)) {
            boolean leads = caller.teacherId() != null && (caller.teacherId().equals(r.backboneId()) || caller.teacherId().equals(c.masterTeacherId()));
            if (!leads) return Outcome.refused(Refusal.forbidden(Text.of("只有该骨干教师本人、工作室名师或主管部门可以登记活动",
                    "Only the backbone itself, the community's master or the owner's admins record its activities")));
        } else {
            var denied = access.require(caller, c.jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        v.identifier("activityId", r.activityId());
        v.identifier("backboneId", r.backboneId());
        v.name("title", r.title(), 200);
        LocalDate today = ChinaTime.today(clock);
        if (v.required("date", r.date()) && (r.date().getYear() != c.year() || r.date().isAfter(today))) {
            v.add("date", "须在工作室的年度（" + c.year() + "）内，且不晚于今天", "must fall in the community's year " + c.year() + " and not after today");
        }
        if (v.required("category", r.category()) && !CATEGORIES.contains(r.category())) {
            v.add("category", "须为" + Labels.list(List.of(CreditCategory.ONLINE, CreditCategory.SCHOOL_BASED)).zh(),
                    "must be " + Labels.list(List.of(CreditCategory.ONLINE, CreditCategory.SCHOOL_BASED)).en());
        }
        if (v.required("attendees", r.attendees()) && r.attendees().size() > Mentoring.NEW_TEACHERS_PER_BACKBONE) {
            v.add("attendees", "最多 " + Mentoring.NEW_TEACHERS_PER_BACKBONE + " 人（一名骨干教师所带的新入职教师）",
                    "at most " + Mentoring.NEW_TEACHERS_PER_BACKBONE + " (the new teachers of one backbone)");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var members = store.members(communityId);   // one read serves the backbone and its new teachers
        if (members.stream().noneMatch(m -> m.role() == MemberRole.BACKBONE && m.teacherId().equals(r.backboneId()))) {
            return Outcome.refused(Refusal.notFound(Text.of("该工作室没有骨干教师 " + PlainText.quote(r.backboneId()), "The community has no backbone " + PlainText.quote(r.backboneId()))));
        }
        var seen = new HashSet<String>();
        var attendances = new ArrayList<Attendance>();
        var now = clock.instant();
        for (int i = 0; i < r.attendees().size(); i++) {
            var a = r.attendees().get(i);
            String field = "attendees[" + i + "]";
            if (a == null || a.teacherId() == null) { v.add(field, "须给出 teacherId 和 hours", "needs teacherId and hours"); continue; }
            if (v.required(field + ".hours", a.hours())) v.range(field + ".hours", a.hours(), 1, Mentoring.MAX_ACTIVITY_HOURS);
            var m = members.stream().filter(x -> x.teacherId().equals(a.teacherId()) && x.role() == MemberRole.NEW_TEACHER
                    && r.backboneId().equals(x.backboneId())).findFirst();
            if (m.isEmpty()) {
                v.add(field + ".teacherId", "不是该骨干教师所带的新入职教师：" + PlainText.quote(a.teacherId()),
                        "is not a new teacher of this backbone: " + PlainText.quote(a.teacherId()));
            } else if (!seen.add(a.teacherId())) {
                v.add(field + ".teacherId", "重复：" + PlainText.quote(a.teacherId()), "listed twice: " + PlainText.quote(a.teacherId()));
            } else if (a.hours() != null) {
                attendances.add(new Attendance(communityId, r.activityId(), r.backboneId(), r.title().strip(), r.date(), r.category(), a.teacherId(),
                        m.get().name(), m.get().county(), a.hours(), Status.PENDING, caller.userId(), now, null, null, null));
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        if (store.record(attendances)) return Outcome.done(new Recorded(new Activity(communityId, r.activityId(), attendances), true));
        var stored = store.activity(communityId, r.activityId());
        boolean same = stored.size() == attendances.size() && attendances.stream().allMatch(a -> stored.stream().anyMatch(a::sameAs));
        if (!same) {
            return Outcome.refused(Refusal.conflict("T2", Text.of("活动编号 " + r.activityId() + " 已登记为另一次活动", "Activity " + r.activityId() + " was recorded with other content")));
        }
        return Outcome.done(new Recorded(new Activity(communityId, r.activityId(), stored), false));
    }

    private static Refusal noneOfYours() {
        return Refusal.forbidden(Text.of("这次活动没有本县的新入职教师", "The activity has no new teacher of your county"));
    }

    /** An activity stored now ({@code created}) or found as it was recorded before. */
    public record Recorded(Activity activity, boolean created) {}

    /**
     * The county decides its teachers' hours of an activity (those listed, or all of its pending ones). An approval credits
     * them once; a decision taken already stands (a retry of the same decision answers it, another is refused).
     */
    public Outcome<List<Attendance>> decide(Caller caller, String communityId, String activityId, Decide d) {
        if (!caller.hasRole(Role.COUNTY_ADMIN)) return Outcome.refused(Access.roleRefusal(Role.COUNTY_ADMIN));
        var v = new Violations();
        v.identifier("communityId", communityId);
        v.identifier("activityId", activityId);
        v.required("approved", d.approved());
        v.optionalText("note", d.note(), 500);
        if (d.teacherIds() != null && d.teacherIds().isEmpty()) {
            v.add("teacherIds", "至少一项；要处理这次活动中本县的全部教师，请不填此项", "needs at least one entry; leave it out to decide all of your county's teachers in the activity");
        }
        if (d.teacherIds() != null && d.teacherIds().size() > Mentoring.NEW_TEACHERS_PER_BACKBONE) v.add("teacherIds", "最多 100 项", "at most 100 entries");
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var all = store.activity(communityId, activityId);
        if (all.isEmpty()) {
            // said only to a county on the community's branch of the tree: to any other, which activities exist is no answer
            var community = store.find(communityId);
            if (community.isPresent() && !access.tree().isWithin(caller.jurisdiction(), community.get().jurisdiction())) return Outcome.refused(noneOfYours());
            return Outcome.refused(Refusal.notFound(Text.of("没有这次活动：" + activityId, "No activity " + activityId)));
        }
        var mine = all.stream().filter(a -> access.covers(caller, a.county())).toList();
        if (mine.isEmpty()) return Outcome.refused(noneOfYours());
        List<Attendance> chosen = mine;
        if (d.teacherIds() != null) {
            chosen = new ArrayList<>();
            var named = new HashSet<String>();
            for (int i = 0; i < d.teacherIds().size(); i++) {
                String id = d.teacherIds().get(i);
                var a = mine.stream().filter(x -> x.teacherId().equals(id)).findFirst();
                if (a.isEmpty()) v.add("teacherIds[" + i + "]", "不是这次活动中本县的教师：" + PlainText.quote(id), "is not a teacher of your county in the activity: " + PlainText.quote(id));
                else if (!named.add(id)) v.add("teacherIds[" + i + "]", "重复：" + PlainText.quote(id), "listed twice: " + PlainText.quote(id));
                else chosen.add(a.get());
            }
            if (!v.isEmpty()) return Outcome.refused(v.refusal());
        }
        var status = d.approved() ? Status.APPROVED : Status.REJECTED;
        var now = clock.instant();
        var out = new ArrayList<Attendance>();
        for (var a : chosen) {
            var current = a;
            if (a.status() == Status.PENDING) {
                var decided = a.decided(status, caller.userId(), now, d.note() == null ? null : d.note().strip());
                var credit = status == Status.APPROVED ? new CreditEntry("T2:" + communityId + ":" + activityId, a.teacherId(), a.date().getYear(),
                        a.category(), a.hours(), TOPIC, "mentoring:" + communityId + "/" + activityId, null, null, null, caller.userId(), now) : null;
                current = store.decide(decided, credit, Mentoring.HOURS_PER_NEW_TEACHER, Mentoring.MAX_ACTIVITY_HOURS);
                if (current.status() == Status.APPROVED && status == Status.APPROVED) teachers.find(a.teacherId()).ifPresent(compliance::refresh);
            }
            out.add(current);
        }
        var dayFull = out.stream().filter(a -> a.status() == Status.PENDING).findFirst();
        if (dayFull.isPresent()) {
            var a = dayFull.get();
            int approved = store.approvedOn(communityId, a.teacherId(), a.date());
            String who = a.teacherName() == null ? a.teacherId() : a.teacherName() + "（" + a.teacherId() + "）";
            return Outcome.refused(Refusal.conflict("T2", Text.of(
                    "教师 " + who + " 在 " + a.date() + " 已获批 " + approved + " 学时，再加这次的 " + a.hours() + " 学时将超过每天 "
                            + Mentoring.MAX_ACTIVITY_HOURS + " 学时；请核实后驳回这条记录" + (out.size() > 1 ? "（同批其他教师的决定已生效）" : ""),
                    "Teacher " + a.teacherId() + " has " + approved + " approved hours on " + a.date() + "; this activity's " + a.hours()
                            + " would pass " + Mentoring.MAX_ACTIVITY_HOURS + " a day: check and reject it"
                            + (out.size() > 1 ? " (the decisions on the other teachers stand)" : ""))));
        }
        var conflicting = out.stream().filter(a -> a.status() != status).toList();
        if (!conflicting.isEmpty()) {
            var first = conflicting.getFirst();
            return Outcome.refused(Refusal.conflict("T2", Text.of("教师 " + first.teacherId() + " 的学时已被处理：" + Labels.zh(first.status()),
                    "Teacher " + first.teacherId() + "'s hours were already decided: " + Labels.of(first.status()).en())));
        }
        return Outcome.done(out);
    }

    /** The county's pending approvals, oldest activity first, paged ({@code limit} 1–100, 50 by default). */
    public Outcome<org.teachertraining.core.common.Page<Attendance>> pending(Caller caller, String county, String cursor, Integer limit) {
        if (!caller.hasRole(Role.COUNTY_ADMIN)) return Outcome.refused(Access.roleRefusal(Role.COUNTY_ADMIN));
        var unit = access.tree().find(county).filter(j -> j.level() == org.teachertraining.core.jurisdiction.Jurisdiction.Level.COUNTY);
        if (unit.isEmpty()) return Outcome.refused(new Violations().add("code", "须为县区的行政区划代码", "must be a county code").refusal());
        var v = new Violations();
        v.range("limit", limit, 1, 100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, county, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        try {
            return Outcome.done(store.pendingIn(county, cursor, limit == null ? 50 : limit));
        } catch (org.teachertraining.core.common.BadCursor e) {
            return Outcome.refused(org.teachertraining.core.common.BadCursor.refusal());
        }
    }
}
