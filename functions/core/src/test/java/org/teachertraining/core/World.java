package org.teachertraining.core;

import org.teachertraining.core.credit.CheckCompletion;
import org.teachertraining.core.credit.PostCompletion;
import org.teachertraining.core.credit.RefreshCompliance;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.ListEnrollments;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Eligibility;
import org.teachertraining.core.project.Phase;
import org.teachertraining.core.project.PhaseKind;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.quota.AllocateQuota;
import org.teachertraining.core.quota.ListQuotas;
import org.teachertraining.core.teacher.BackboneLevel;
import org.teachertraining.core.teacher.ImportTeachers;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.TeacherRole;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A test world on in-memory ports, with the seeds' dates: the clock stands on 2020-09-01 in Zhengzhou. */
public final class World {
    public static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2020-09-25T23:59:59+08:00");
    public final MutableClock clock = new MutableClock(OffsetDateTime.parse("2020-09-01T09:00:00+08:00").toInstant());
    public final InMemoryPorts ports = new InMemoryPorts();
    public final JurisdictionTree tree = JurisdictionTree.china();
    public final Access access = new Access(tree);
    public final CreateProgram createProgram = new CreateProgram(ports.programs, access, clock);
    public final CreateProject createProject = new CreateProject(ports.programs, ports.projects, ports.performance, ports.institutions, access, clock);
    public final AllocateQuota allocate = new AllocateQuota(ports.projects, ports.quotas, access);
    public final ListQuotas listQuotas = new ListQuotas(ports.projects, ports.quotas, access);
    public final org.teachertraining.core.credit.RequirementBook requirements = new org.teachertraining.core.credit.RequirementBook(
            Requirements.seeds(), ports.requirementVersions);
    public final RefreshCompliance compliance = new RefreshCompliance(
            requirements, ports.compliance, clock);
    public final SaveTeacher saveTeacher = new SaveTeacher(ports.teachers, access, clock, (before, after) -> {
        compliance.refresh(after);
        this.waitlist.follow(before, after);
    });
    public final CheckCompletion checkCompletion = new CheckCompletion(
            org.teachertraining.core.credit.CompletionRecords.of(ports.projects, ports.institutions, ports.enrollments, ports.teachers), ports.programs, requirements);
    public final EnrollTeacher enroll = new EnrollTeacher(org.teachertraining.core.enrollment.SelectionRecords.of(ports.projects, ports.teachers, ports.enrollments, ports.waitlists), ports.quotas, ports.enrollments,
            ports.integrity, ports.hours, new org.teachertraining.core.credit.RequirementCycles(requirements), access, clock);
    public final WithdrawEnrollment withdraw = new WithdrawEnrollment(ports.projects, ports.enrollments, ports.teachers, ports.waitlists, enroll, access, clock);
    public final org.teachertraining.core.enrollment.ReleaseBannedSeats bannedSeats = new org.teachertraining.core.enrollment.ReleaseBannedSeats(
            ports.integrity, ports.enrollments, ports.projects, ports.waitlists, () -> withdraw, clock);
    public final PostCompletion postCompletion = new PostCompletion(checkCompletion,
            ports.results, ports.certificates, compliance, bannedSeats);
    public final org.teachertraining.core.credit.CorrectResult correctResult = new org.teachertraining.core.credit.CorrectResult(ports.projects,
            checkCompletion, ports.results, ports.ledger, ports.enrollments, ports.certificates, ports.teachers, compliance, bannedSeats, access, clock);
    public final ImportTeachers importTeachers = new ImportTeachers(saveTeacher);
    public final org.teachertraining.core.enrollment.Waitlist waitlist = new org.teachertraining.core.enrollment.Waitlist(ports.projects, ports.teachers,
            ports.enrollments, ports.waitlists, enroll, access, clock);
    public final ListEnrollments list = new ListEnrollments(ports.projects, ports.teachers, ports.enrollments, access);

    /** HENU (河南大学), accredited for every category through 2025. */
    public void accreditHenu() {
        ports.institutions.save(new org.teachertraining.core.institution.Institution("HENU", "河南大学",
                java.util.EnumSet.allOf(org.teachertraining.core.credit.CreditCategory.class), LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31), "p"));
    }

    public static final Caller PROVINCE = new Caller("p", Role.PROVINCE_ADMIN, "410000", null, null);
    public static final Caller XINYANG = new Caller("xy", Role.CITY_ADMIN, "411500", null, null);
    public static final Caller XIN_COUNTY = new Caller("xx", Role.COUNTY_ADMIN, "411523", null, null);
    /** The admins of two schools of 新县, 4115230001 and 4115230002 (名额到校). */
    public static final Caller XIN_SCHOOL_1 = new Caller("s1", Role.SCHOOL_ADMIN, "4115230001", null, null);
    public static final Caller XIN_SCHOOL_2 = new Caller("s2", Role.SCHOOL_ADMIN, "4115230002", null, null);
    public static final Caller GUANGSHAN = new Caller("gs", Role.COUNTY_ADMIN, "411522", null, null);
    public static final Caller ZHENGZHOU = new Caller("zz", Role.CITY_ADMIN, "410100", null, null);

    public Program program(ProgramLevel level) {
        return done(createProgram.execute(PROVINCE, new CreateProgram.Command(2020, level, "2020 河南省培", "410000", null)));
    }

    /** The 乡村骨干教师 project of the 2020 notice: town/rural teachers with 5+ years, 15 days + 30 h online. */
    public CreateProject.Command ruralBackbone(String code) {
        return new CreateProject.Command(code, "乡村骨干教师素质提升培训项目", "乡村教师",
                new Eligibility(null, null, null, java.util.Set.of(SchoolLocation.TOWN, SchoolLocation.RURAL), 5, null, null, null),
                List.of(new Phase(PhaseKind.DIAGNOSIS, 2, null, null), new Phase(PhaseKind.CENTRALIZED, 8, null, null),
                        new Phase(PhaseKind.SCHOOL_VISIT, 5, null, null), new Phase(PhaseKind.RETURN_PRACTICE, null, null, 3),
                        new Phase(PhaseKind.ONLINE, null, 30, null)),
                150, 50, "HENU", CUTOFF, LocalDate.of(2020, 10, 12), LocalDate.of(2020, 10, 26), new java.math.BigDecimal("600000.00"), null);
    }

    public Project project(ProgramLevel level, CreateProject.Command command) {
        return done(createProject.execute(PROVINCE, program(level).id(), command));
    }

    public Project projectWithCountySeats(int xinCountySeats) {
        var p = project(ProgramLevel.PROVINCIAL, ruralBackbone("HN2020-04"));
        done(allocate.execute(PROVINCE, p.id(), "411500", 100));
        done(allocate.execute(XINYANG, p.id(), "411523", xinCountySeats));
        return p;
    }

    public SaveTeacher.Command teacher(String id, String county) {
        return new SaveTeacher.Command(id, "王芳", county, "S1", Stage.PRIMARY, List.of("语文"), TeacherRole.TEACHER,
                SchoolLocation.RURAL, LocalDate.of(2010, 9, 1), BackboneLevel.COUNTY);
    }

    public void addTeacher(String id, String county) {
        done(saveTeacher.execute(XINYANG, teacher(id, county)));
    }

    /** A teacher of a school (its code: the county's six digits and four more). */
    public void addTeacherAt(String id, String school) {
        var t = teacher(id, school.substring(0, 6));
        done(saveTeacher.execute(XINYANG, new SaveTeacher.Command(t.id(), t.name(), t.jurisdiction(), school, t.stage(), t.subjects(), t.role(),
                t.schoolLocation(), t.teachingSince(), t.backboneLevel())));
    }

    public static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        fail("expected done, got " + ((Outcome.Refused<T>) outcome).refusal());
        return null;
    }

    public static Refusal refused(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Refused<?> r) return r.refusal();
        fail("expected a refusal, got " + outcome);
        return null;
    }

    public static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant now) {
            this.now = now;
        }

        public void set(OffsetDateTime now) {
            this.now = now.toInstant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
