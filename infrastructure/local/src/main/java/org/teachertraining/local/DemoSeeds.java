package org.teachertraining.local;

import io.micronaut.context.ApplicationContext;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.integrity.IntegrityRecourse;
import org.teachertraining.core.jurisdiction.Jurisdiction;
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
import org.teachertraining.core.teacher.BackboneLevel;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.TeacherRole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A living program for newcomers: the 2020 Henan provincial program (义务教育师资薄弱环节改善暨中小学教师素质提升工程,
 * shared/sources/henan-2020-provincial-training-notice.txt) with six of its projects as the notice describes
 * them (audiences, phases, the 9/25 cutoff), the accredited institution HENU (河南大学) that runs them, quotas for its cities and counties, 300 generated teachers
 * and some enrollments already made. The notice's quota tables (附件2-9) are not in the sources, so the
 * seat numbers are illustrative. The clock is set to 2020-09-01 so that selection is open.
 */
final class DemoSeeds {
    static final OffsetDateTime DEMO_NOW = OffsetDateTime.parse("2020-09-01T09:00:00+08:00");
    static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2020-09-25T23:59:59+08:00");
    /** The five cities of the 乡村首席教师 project. */
    static final List<String> CHIEF_TEACHER_CITIES = List.of("410700", "410900", "411200", "411500", "411600");
    /** A school of 新县 with seats of its own (名额到校); the sign-in page offers its admin. */
    static final String DEMO_SCHOOL = "4115230001";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
    private static final String GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰红梅";

    private DemoSeeds() {}

    static String load(ApplicationContext ctx, Path data, boolean inMemory) throws IOException {
        Path marker = data.resolve("demo-loaded");
        if (!inMemory && Files.exists(marker)) return "already loaded (" + Files.readString(marker).strip() + ")";
        var previousYear = DemoYear.load(ctx, ctx.getBean(LocalClock.class));
        ctx.getBean(LocalClock.class).set(DEMO_NOW.toInstant());

        var tree = ctx.getBean(JurisdictionTree.class);
        ctx.getBean(org.teachertraining.core.institution.Institutions.class).save(new org.teachertraining.core.institution.Institution(
                "HENU", "河南大学", java.util.EnumSet.allOf(org.teachertraining.core.credit.CreditCategory.class),
                LocalDate.of(2019, 1, 1), LocalDate.of(2022, 12, 31), "demo-province"));
        var province = new Caller("demo-province", Role.PROVINCE_ADMIN, "410000", null, null);
        var program = done(ctx.getBean(CreateProgram.class).execute(province, new CreateProgram.Command(2020, ProgramLevel.PROVINCIAL,
                "2020年河南省义务教育师资薄弱环节改善暨中小学教师素质提升工程", "410000", null)));
        // the notice's funding standards (F1): 400 yuan per person per day in person, 3 yuan per online hour
        done(ctx.getBean(org.teachertraining.core.funding.SetFundingStandards.class).execute(province, program.id(),
                org.teachertraining.core.funding.FundingSeeds.henan2020()));

        var projects = new ArrayList<Project>();
        var blended = List.of(new Phase(PhaseKind.DIAGNOSIS, 2, null, null), new Phase(PhaseKind.CENTRALIZED, 8, null, null),
                new Phase(PhaseKind.SCHOOL_VISIT, 5, null, null), new Phase(PhaseKind.RETURN_PRACTICE, null, null, 3),
                new Phase(PhaseKind.ONLINE, null, 30, null));
        projects.add(project(ctx, province, program, "HN2020-03", "乡村首席教师素质提升培训项目", "乡村教师",
                eligibility(null, null, Set.of(TeacherRole.CHIEF_TEACHER), Set.of(SchoolLocation.RURAL, SchoolLocation.TOWN), null, null),
                blended, 150, "2020-10-12", "2020-10-26", "600000.00", 500));
        projects.add(project(ctx, province, program, "HN2020-04", "乡村骨干教师素质提升培训项目", "乡村教师",
                eligibility(null, null, null, Set.of(SchoolLocation.TOWN, SchoolLocation.RURAL), 5,
                        Set.of(BackboneLevel.SCHOOL, BackboneLevel.COUNTY, BackboneLevel.CITY)),
                blended, 150, "2020-10-19", "2020-11-02", "1200000.00", 1000));
        projects.add(project(ctx, province, program, "HN2020-05", "中小学思政课骨干教师素质提升培训项目", "思政课教师",
                eligibility(Set.of(Stage.PRIMARY, Stage.JUNIOR), null, Set.of(TeacherRole.MORAL_EDUCATION_TEACHER), null, null, null),
                List.of(new Phase(PhaseKind.CENTRALIZED, 5, null, null), new Phase(PhaseKind.RETURN_PRACTICE, null, null, 3)),
                40, "2020-10-26", "2020-10-30", "200000.00", 500));
        projects.add(project(ctx, province, program, "HN2020-06", "乡镇寄宿制学校生活指导教师素质提升培训项目", "寄宿制学校",
                eligibility(null, null, Set.of(TeacherRole.LIFE_TEACHER), Set.of(SchoolLocation.TOWN, SchoolLocation.RURAL), null, null),
                List.of(new Phase(PhaseKind.CENTRALIZED, 5, null, null), new Phase(PhaseKind.SCHOOL_VISIT, 2, null, null)),
                56, "2020-11-02", "2020-11-08", "280000.00", 500));
        projects.add(project(ctx, province, program, "HN2020-07", "乡镇寄宿制学校心理健康教育教师素质提升培训项目", "寄宿制学校",
                eligibility(null, null, Set.of(TeacherRole.PSYCHOLOGY_TEACHER), Set.of(SchoolLocation.TOWN, SchoolLocation.RURAL), null, null),
                List.of(new Phase(PhaseKind.CENTRALIZED, 7, null, null), new Phase(PhaseKind.RETURN_PRACTICE, null, null, 3)),
                56, "2020-11-09", "2020-11-15", "280000.00", 500));
        projects.add(project(ctx, province, program, "HN2020-08", "学科教师在线教学能力提升培训项目", "信息技术",
                eligibility(Set.of(Stage.PRIMARY, Stage.JUNIOR), Set.of("语文", "数学", "英语", "物理", "化学", "生物", "道德与法治", "历史", "地理"),
                        null, null, null, Set.of(BackboneLevel.values())),
                List.of(new Phase(PhaseKind.ONLINE, null, 50, null)), 50, "2020-10-12", "2020-11-30", "150000.00", 1000));

        // quotas: the province gives each city its share; Xinyang passes seats on to its counties
        var allocate = ctx.getBean(AllocateQuota.class);
        var xinyang = new Caller("demo-xinyang", Role.CITY_ADMIN, "411500", null, null);
        for (var p : projects) {
            var cities = p.code().equals("HN2020-03") ? CHIEF_TEACHER_CITIES
                    : tree.children("410000").stream().map(Jurisdiction::code).toList();
            int each = p.seats() / cities.size();
            for (String city : cities) done(allocate.execute(province, p.id(), city, each));
            for (var county : List.of("411522", "411523", "411526")) done(allocate.execute(xinyang, p.id(), county, Math.min(20, each / 5)));
        }
        // 名额到校: 新县 gives one of its schools four seats of the rural backbone project, which its admin nominates within
        var xinCounty = new Caller("demo-xinxian", Role.COUNTY_ADMIN, "411523", null, null);
        var backbone = projects.stream().filter(p -> p.code().equals("HN2020-04")).findFirst().orElseThrow();
        done(allocate.execute(xinCounty, backbone.id(), DEMO_SCHOOL, 4));

        // 300 teachers in the five cities of the chief-teacher project, and enrollments by the city admins
        var save = ctx.getBean(SaveTeacher.class);
        var random = new Random(2020);
        var teacherIds = new ArrayList<String[]>();
        var saves = new ArrayList<Runnable>();   // generated in order (the same teachers every time), saved at once
        int n = 0;
        for (String city : CHIEF_TEACHER_CITIES) {
            var counties = tree.children(city);
            var admin = new Caller("demo-" + city, Role.CITY_ADMIN, city, null, null);
            for (int i = 0; i < 60; i++) {
                var county = counties.get(random.nextInt(counties.size())).code();
                String id = "T" + county + String.format("%04d", ++n);
                var role = TeacherRole.values()[random.nextInt(TeacherRole.values().length)];
                var stage = List.of(Stage.PRIMARY, Stage.JUNIOR, Stage.PRIMARY, Stage.KINDERGARTEN, Stage.SENIOR).get(random.nextInt(5));
                var subject = List.of("语文", "数学", "英语", "道德与法治", "物理", "音乐").get(random.nextInt(6));
                // three schools a county, by their codes (the county's and four digits: 名额到校 names them so)
                var command = new SaveTeacher.Command(id, name(random), county, county + "000" + (1 + random.nextInt(9) % 3),
                        stage, List.of(subject), role, SchoolLocation.values()[random.nextInt(3)],
                        LocalDate.of(1990 + random.nextInt(28), 9, 1), random.nextInt(3) == 0 ? BackboneLevel.COUNTY : null);
                saves.add(() -> done(save.execute(admin, command)));
                teacherIds.add(new String[]{id, city});
            }
        }
        inParallel(saves);
        // one no-show of 2019 on record, in a project of the year before: this teacher is banned from provincial projects
        // until 2022 (E4)
        var noShow = IntegrityRecord.of(teacherIds.get(0)[0], IntegrityRecord.Kind.NO_SHOW, previousYear.projects().getFirst().id(), DemoYear.START);
        ctx.getBean(IntegrityRecords.class).add(noShow);
        // who appeals it (E4a): the ban stays until the province decides, and the appeal waits on the province's queue (诚信申诉)
        var appellant = new Caller("demo-" + noShow.teacherId(), Role.TEACHER, noShow.teacherId().substring(1, 7), null, noShow.teacherId());
        done(ctx.getBean(IntegrityRecourse.class).appeal(appellant, noShow.teacherId(), noShow.id(), "开班当日因病住院，未能报到，附医院诊断证明", null));

        // the cities enroll at once, as they do before a cutoff (each teacher's projects in order); E1 holds under it
        var enroll = ctx.getBean(EnrollTeacher.class);
        var enrolledCount = new java.util.concurrent.atomic.AtomicInteger();
        inParallel(teacherIds.stream().<Runnable>map(t -> () -> {
            var admin = new Caller("demo-" + t[1], Role.CITY_ADMIN, t[1], null, null);
            for (var p : projects) {
                if (enroll.execute(admin, p.id(), t[0], null) instanceof Outcome.Done<?>) enrolledCount.incrementAndGet();
            }
        }).toList());
        int enrolled = enrolledCount.get();
        String runningYear = DemoYear.loadRunningYear(ctx, ctx.getBean(LocalClock.class));
        String summary = previousYear.summary() + "; program " + program.id() + ": " + projects.size() + " projects, " + teacherIds.size()
                + " teachers, " + enrolled + " enrollments; clock set to " + DEMO_NOW + "; banned teacher " + teacherIds.get(0)[0] + "; " + runningYear;
        if (!inMemory) Files.writeString(marker, summary);
        return summary;
    }

    private static Project project(ApplicationContext ctx, Caller province, Program program, String code, String name, String category,
                                   Eligibility eligibility, List<Phase> phases, int hours, String start, String end, String budget, int seats) {
        return done(ctx.getBean(CreateProject.class).execute(province, program.id(), new CreateProject.Command(code, name, category,
                eligibility, phases, hours, 50, "HENU", CUTOFF, LocalDate.parse(start), LocalDate.parse(end),
                new java.math.BigDecimal(budget), seats)));
    }

    private static Eligibility eligibility(Set<Stage> stages, Set<String> subjects, Set<TeacherRole> roles,
                                           Set<SchoolLocation> locations, Integer minYears, Set<BackboneLevel> backbone) {
        return new Eligibility(stages, subjects, roles, locations, minYears, backbone, null, null);
    }

    private static String name(Random random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
    }

    /** Runs the steps on 8 threads, as many bureaus work at once; the first failure stops the demo. */
    static void inParallel(List<Runnable> steps) {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var running = steps.stream().map(pool::submit).toList();
            for (var step : running) step.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("demo seed failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo seed interrupted", e);
        }
    }

    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        throw new IllegalStateException("demo seed refused: " + ((Outcome.Refused<T>) outcome).refusal());
    }
}
