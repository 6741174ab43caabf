package org.teachertraining.core.mentoring;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.mentoring.Mentoring.Community;
import org.teachertraining.core.mentoring.Mentoring.Member;
import org.teachertraining.core.mentoring.Mentoring.MemberRole;
import org.teachertraining.core.mentoring.Mentoring.Store;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * T2: the bureaus record each "1+10+100" community — its master teacher, up to 10 backbones, up to 100 rural new teachers
 * under each backbone — every member a teacher of the platform within the owner unit, each teacher in one community a year.
 * The limits and the one-community rule are conditions in the store, so racing additions never pass them.
 */
public final class MentoringCommunities {
    public record Create(String name, String jurisdiction, Integer year, String masterTeacherId) {}

    public record View(Community community, List<Member> members) {}

    static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN};

    private final Store store;
    private final Teachers teachers;
    private final Access access;
    private final Clock clock;

    public MentoringCommunities(Store store, Teachers teachers, Access access, Clock clock) {
        this.store = store;
        this.teachers = teachers;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<Community> create(Caller caller, Create c) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        v.name("name", c.name(), 100);
        if (v.required("jurisdiction", c.jurisdiction())) access.tree().administrativeUnit(c.jurisdiction(), "jurisdiction", v);
        if (v.required("year", c.year())) v.range("year", c.year(), 2000, 2100);
        v.identifier("masterTeacherId", c.masterTeacherId());
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, c.jurisdiction(), ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var master = memberOf(c.masterTeacherId(), c.jurisdiction());
        if (master instanceof Outcome.Refused<Teacher> r) return Outcome.refused(r.refusal());
        var t = ((Outcome.Done<Teacher>) master).value();
        var now = clock.instant();
        var community = new Community(UUID.randomUUID().toString(), c.name().strip(), c.jurisdiction(), c.year(), t.id(), t.name(), 0, 0, 0,
                caller.userId(), now);
        var m = new Member(community.id(), t.id(), t.name(), t.jurisdiction(), MemberRole.MASTER, null, 0, 0, caller.userId(), now);
        if (store.create(community, m) != Store.Joined.JOINED) return Outcome.refused(alreadyMember(t, c.year()));
        return Outcome.done(community);
    }

    public Outcome<Member> addBackbone(Caller caller, String communityId, String teacherId) {
        var found = administered(caller, communityId);
        if (found instanceof Outcome.Refused<Community> r) return Outcome.refused(r.refusal());
        var community = ((Outcome.Done<Community>) found).value();
        var teacher = memberOf(teacherId, community.jurisdiction());
        if (teacher instanceof Outcome.Refused<Teacher> r) return Outcome.refused(r.refusal());
        var t = ((Outcome.Done<Teacher>) teacher).value();
        var m = new Member(communityId, t.id(), t.name(), t.jurisdiction(), MemberRole.BACKBONE, null, 0, 0, caller.userId(), clock.instant());
        return switch (store.addBackbone(community, m, Mentoring.BACKBONES_PER_MASTER)) {
            case JOINED -> Outcome.done(m);
            case ALREADY_MEMBER -> Outcome.refused(alreadyMember(t, community.year()));
            case FULL -> Outcome.refused(Refusal.conflict("T2", Text.of("该名师工作室已有 " + Mentoring.BACKBONES_PER_MASTER + " 名骨干教师（1 名名师带 10 名骨干）",
                    "The community has its " + Mentoring.BACKBONES_PER_MASTER + " backbone trainees already (1 master leads 10)")));
        };
    }

    public Outcome<Member> addNewTeacher(Caller caller, String communityId, String backboneId, String teacherId) {
        var found = administered(caller, communityId);
        if (found instanceof Outcome.Refused<Community> r) return Outcome.refused(r.refusal());
        var community = ((Outcome.Done<Community>) found).value();
        var backbone = store.member(communityId, backboneId).filter(b -> b.role() == MemberRole.BACKBONE);
        if (backbone.isEmpty()) {
            return Outcome.refused(Refusal.notFound(Text.of("该工作室没有骨干教师 " + PlainText.quote(backboneId), "The community has no backbone " + PlainText.quote(backboneId))));
        }
        var teacher = memberOf(teacherId, community.jurisdiction());
        if (teacher instanceof Outcome.Refused<Teacher> r) return Outcome.refused(r.refusal());
        var t = ((Outcome.Done<Teacher>) teacher).value();
        if (t.schoolLocation() == SchoolLocation.URBAN) {
            return Outcome.refused(Refusal.unprocessable("T2", Text.of("学校所在地不符：“1+10+100”培训乡村新入职教师，该教师学校在" + Labels.zh(t.schoolLocation()),
                    "School location: the 1+10+100 communities train rural new teachers; this teacher's school is " + Labels.of(t.schoolLocation()).en()),
                    Map.of("criterion", "schoolLocation")));
        }
        int firstYear = t.teachingSince().getYear();
        if (firstYear > community.year() || firstYear <= community.year() - Mentoring.NEW_TEACHER_YEARS) {
            return Outcome.refused(Refusal.unprocessable("T2", Text.of("不是新入职教师：" + community.year() + " 年须为入职前 " + Mentoring.NEW_TEACHER_YEARS
                            + " 年内的教师，该教师 " + firstYear + " 年入职",
                    "Not a new teacher: in " + community.year() + " a new teacher is in the first " + Mentoring.NEW_TEACHER_YEARS
                            + " years of teaching; this one started in " + firstYear), Map.of("criterion", "teachingSince")));
        }
        var m = new Member(communityId, t.id(), t.name(), t.jurisdiction(), MemberRole.NEW_TEACHER, backboneId, 0, 0, caller.userId(), clock.instant());
        return switch (store.addNewTeacher(community, m, Mentoring.NEW_TEACHERS_PER_BACKBONE)) {
            case JOINED -> Outcome.done(m);
            case ALREADY_MEMBER -> Outcome.refused(alreadyMember(t, community.year()));
            case FULL -> Outcome.refused(Refusal.conflict("T2", Text.of("骨干教师 " + backbone.get().name() + " 已带 " + Mentoring.NEW_TEACHERS_PER_BACKBONE
                    + " 名新入职教师", "Backbone " + backboneId + " trains " + Mentoring.NEW_TEACHERS_PER_BACKBONE + " new teachers already")));
        };
    }

    /** The community and its members: for admins over its owner, and for its own members. */
    public Outcome<View> read(Caller caller, String communityId) {
        var v = new Violations();
        v.identifier("communityId", communityId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var community = store.find(communityId);
        if (community.isEmpty()) return Outcome.refused(notFound(communityId));
        var members = store.members(communityId);
        boolean member = caller.hasRole(Role.TEACHER) && caller.teacherId() != null
                && members.stream().anyMatch(m -> m.teacherId().equals(caller.teacherId()));
        if (!member) {
            var denied = access.require(caller, community.get().jurisdiction(), ADMINS);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        return Outcome.done(new View(community.get(), members));
    }

    /** The year's communities owned by the unit or the units below it. */
    public Outcome<List<Community>> list(Caller caller, String jurisdiction, Integer year) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        if (v.required("jurisdiction", jurisdiction)) access.tree().administrativeUnit(jurisdiction, "jurisdiction", v);
        if (v.required("year", year)) v.range("year", year, 2000, 2100);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var denied = access.require(caller, jurisdiction, ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(store.ofYear(year, JurisdictionTree.subtreePrefix(jurisdiction)));
    }

    /** The community, when the caller is an admin over its owner. */
    private Outcome<Community> administered(Caller caller, String communityId) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var v = new Violations();
        v.identifier("communityId", communityId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var community = store.find(communityId);
        if (community.isEmpty()) return Outcome.refused(notFound(communityId));
        var denied = access.require(caller, community.get().jurisdiction(), ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(community.get());
    }

    /** A teacher of the platform registered within {@code owner}. */
    private Outcome<Teacher> memberOf(String teacherId, String owner) {
        var v = new Violations();
        v.identifier("teacherId", teacherId);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        Optional<Teacher> t = teachers.find(teacherId);
        if (t.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        if (!access.tree().isWithin(t.get().jurisdiction(), owner)) {
            return Outcome.refused(Refusal.unprocessable("T2", Text.of("教师 " + t.get().name() + " 不在本工作室所属单位（" + access.tree().nameOf(owner) + "）内",
                    "Teacher " + teacherId + " is not registered within the community's unit " + owner), Map.of("criterion", "jurisdiction")));
        }
        return Outcome.done(t.get());
    }

    public static Refusal notFound(String communityId) {
        return Refusal.notFound(Text.of("没有名师工作室 " + PlainText.quote(communityId), "No mentoring community " + PlainText.quote(communityId)));
    }

    private static Refusal alreadyMember(Teacher t, int year) {
        return Refusal.conflict("T2", Text.of("教师 " + t.name() + " 已在 " + year + " 年的一个名师工作室中", "Teacher " + t.id() + " is in a mentoring community of " + year + " already"));
    }
}
