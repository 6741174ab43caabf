package org.teachertraining.local;

import io.micronaut.context.ApplicationContext;
import org.teachertraining.adapters.dynamodb.DynamoDbLifecycles;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.RecordCompletion;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.Registration;
import org.teachertraining.core.evaluation.HighEndShares;
import org.teachertraining.core.evaluation.InstitutionPerformance;
import org.teachertraining.core.evaluation.PerformancePolicy;
import org.teachertraining.core.funding.TrainingBudgets;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import org.teachertraining.core.mentoring.MentoringActivities;
import org.teachertraining.core.mentoring.MentoringCommunities;
import org.teachertraining.core.program.CreateProgram;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.teachertraining.local.DemoSeeds.done;

/**
 * The demo's previous year, 2019, run to its end so that a newcomer sees the accountability layer with figures in it:
 * a provincial program of eight projects in two categories run by four institutions, trainees selected, registered
 * (some did not come) and assessed, rated by experts, trainees and the sending bureaus, the institutions ranked under
 * the province's policy with the bottom of each category flagged (one eliminated on confirmation, the ranking published),
 * Xinyang's yearly results, and the province's high-end share (T1). For the running year it adds F3 budget records and a
 * 1+10+100 community (T2) with approved hours.
 * <p>
 * Everything goes through the use cases, on the moving clock, except the projects' lifecycle records: the 2019 state
 * machines are not replayed, so each project's record is written as its lifecycle would have left it (approved, then
 * closed with its completion), and the ranking reads the same records it would read then.
 */
final class DemoYear {
    static final int YEAR = 2019;
    static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2019-09-25T23:59:59+08:00");
    static final LocalDate START = LocalDate.of(2019, 10, 14), END = LocalDate.of(2019, 10, 20);
    /** Xinyang's three counties that sent trainees, and the seats each had per project. */
    static final Map<String, Integer> COUNTIES = Map.of("411522", 3, "411523", 3, "411526", 2);

    /** How one institution's project went: expert score, trainees' ratings (1–5), the city's rating, no-shows, failures. */
    record Run(String institutionId, int expert, int[] ratings, int bureau, int noShows, int failed) {}

    private DemoYear() {}

    /** The year loaded: what the start-up prints, and the year's projects (a record of the running year may cite one). */
    record Loaded(String summary, List<Project> projects) {}

    static Loaded load(ApplicationContext ctx, LocalClock clock) {
        var province = new Caller("demo-province", Role.PROVINCE_ADMIN, "410000", null, null);
        var xinyang = new Caller("demo-xinyang", Role.CITY_ADMIN, "411500", null, null);
        var institutions = ctx.getBean(Institutions.class);
        var names = new LinkedHashMap<String, String>();
        names.put("HENU", "河南大学");
        names.put("HNNU", "河南师范大学");
        names.put("XYNU", "信阳师范学院");
        names.put("ZKNU", "周口师范学院");
        names.forEach((id, name) -> institutions.save(new Institution(id, name, EnumSet.allOf(CreditCategory.class),
                LocalDate.of(2019, 1, 1), LocalDate.of(2022, 12, 31), "demo-province")));
        clock.set(OffsetDateTime.parse("2019-06-01T09:00:00+08:00").toInstant());
        var program = done(ctx.getBean(CreateProgram.class).execute(province, new CreateProgram.Command(YEAR, ProgramLevel.PROVINCIAL,
                "2019年河南省中小学教师省级培训", "410000", null)));
        var performance = ctx.getBean(InstitutionPerformance.class);
        // the province's policy for the year: no deliverables were uploaded in the demo, so their weight goes to the ratings
        done(performance.setPolicy(province, program.id(), Map.of("EXPERT_SUPERVISION", 35, "TRAINEE_RATINGS", 25, "DELIVERABLES", 0,
                "STAKEHOLDER_RATINGS", 20, "QUOTA_FILL", 5, "REPORT_RATE", 5, "COMPLETION_RATE", 10), new PerformancePolicy.Elimination(1, null)));

        var runs = new ArrayList<Run>();
        var projects = new ArrayList<Project>();
        var phases = List.of(new Phase(PhaseKind.CENTRALIZED, 5, null, null), new Phase(PhaseKind.ONLINE, null, 20, null));
        String[][] categories = {{"乡村教师", "乡村教师教学能力提升培训"}, {"骨干教师", "县级骨干教师培育对象培训"}};
        Run[][] plan = {
                {new Run("HENU", 91, new int[]{5, 5, 4, 5}, 92, 0, 0), new Run("HNNU", 86, new int[]{4, 5, 4, 4}, 88, 1, 0),
                        new Run("XYNU", 82, new int[]{4, 4, 4, 3}, 85, 0, 1), new Run("ZKNU", 63, new int[]{3, 3, 2, 3}, 70, 2, 1)},
                {new Run("HENU", 88, new int[]{5, 4, 4, 5}, 90, 0, 0), new Run("HNNU", 90, new int[]{5, 5, 5, 4}, 91, 0, 0),
                        new Run("XYNU", 71, new int[]{3, 4, 3, 3}, 76, 1, 1), new Run("ZKNU", 84, new int[]{4, 4, 5, 4}, 86, 0, 1)}};
        var create = ctx.getBean(CreateProject.class);
        var allocate = ctx.getBean(AllocateQuota.class);
        int n = 0;
        for (int c = 0; c < 2; c++) {
            for (var run : plan[c]) {
                var p = done(create.execute(province, program.id(), new CreateProject.Command("HN2019-" + String.format("%02d", ++n), categories[c][1] + "（" + names.get(run.institutionId()) + "）",
                        categories[c][0], new Eligibility(null, null, null, null, null, null, null, null), phases, 60, 50, run.institutionId(), CUTOFF, START, END,
                        new BigDecimal("50000.00"), 8, null, c == 1, null)));
                done(allocate.execute(province, p.id(), "411500", 8));
                for (var county : COUNTIES.entrySet()) done(allocate.execute(xinyang, p.id(), county.getKey(), county.getValue()));
                projects.add(p);
                runs.add(run);
            }
        }

        // 64 teachers of Xinyang's three counties, 8 per project, selected before the cutoff
        clock.set(OffsetDateTime.parse("2019-09-02T09:00:00+08:00").toInstant());
        var save = ctx.getBean(SaveTeacher.class);
        var enroll = ctx.getBean(EnrollTeacher.class);
        var trainees = new ArrayList<List<String>>();
        var selections = new ArrayList<Runnable>();
        int t = 0;
        for (var p : projects) {
            var mine = new ArrayList<String>();
            for (var county : COUNTIES.entrySet()) {
                var admin = new Caller("demo-" + county.getKey(), Role.COUNTY_ADMIN, county.getKey(), null, null);
                for (int i = 0; i < county.getValue(); i++) {
                    String id = "Y19-" + county.getKey() + "-" + String.format("%02d", ++t);
                    var command = new SaveTeacher.Command(id, "教师" + t, county.getKey(), null, Stage.PRIMARY, List.of("语文"), TeacherRole.TEACHER,
                            SchoolLocation.RURAL, LocalDate.of(2008 + t % 10, 9, 1), BackboneLevel.COUNTY);
                    selections.add(() -> {
                        done(save.execute(admin, command));
                        done(enroll.execute(admin, p.id(), id, null));
                    });
                    mine.add(id);
                }
            }
            trainees.add(mine);
        }
        DemoSeeds.inParallel(selections);

        // the lifecycle as it stood once the province approved (not replayed: see the class comment)
        var lifecycles = new DynamoDbLifecycles(ctx.getBean(TrainingTable.class));
        for (var p : projects) {
            lifecycles.save(new ProjectLifecycle(p.id(), "demo:" + p.code(), ProjectLifecycle.Phase.AWAITING_COMPLETION, null, null, null, null, null, null, clock.instant(), null));
        }

        // 报到 on the first day: the no-shows do not come
        clock.set(OffsetDateTime.parse("2019-10-14T08:30:00+08:00").toInstant());
        var registration = ctx.getBean(Registration.class);
        for (int i = 0; i < projects.size(); i++) {
            var institution = new Caller("demo-" + runs.get(i).institutionId(), Role.INSTITUTION, null, runs.get(i).institutionId(), null);
            var list = trainees.get(i);
            for (int k = runs.get(i).noShows(); k < list.size(); k++) done(registration.register(institution, projects.get(i).id(), list.get(k)));
        }

        // after the training: completion assessment (credits posted through the queue), ratings by trainees, experts and the city
        clock.set(OffsetDateTime.parse("2019-10-22T10:00:00+08:00").toInstant());
        var record = ctx.getBean(RecordCompletion.class);
        var requests = ctx.getBean(ProjectLifecycleRequests.class);
        for (int i = 0; i < projects.size(); i++) {
            var p = projects.get(i);
            var run = runs.get(i);
            var list = trainees.get(i);
            var institution = new Caller("demo-" + run.institutionId(), Role.INSTITUTION, null, run.institutionId(), null);
            var results = new ArrayList<Completion.Result>();
            for (int k = 0; k < list.size(); k++) {
                var outcome = k < run.noShows() ? Completion.Outcome.NO_SHOW : k < run.noShows() + run.failed() ? Completion.Outcome.FAILED : Completion.Outcome.PASSED;
                results.add(new Completion.Result(list.get(k), outcome, outcome == Completion.Outcome.PASSED
                        ? Map.of(CreditCategory.CENTRALIZED, 40, CreditCategory.ONLINE, 20) : null, null));
            }
            var completion = done(record.execute(institution, p.id(), "DEMO-" + p.code(), results));
            var summary = new ProjectLifecycle.CompletionSummary(completion.completionId(), count(results, Completion.Outcome.PASSED),
                    count(results, Completion.Outcome.FAILED), 0, count(results, Completion.Outcome.NO_SHOW),
                    results.stream().map(r -> new ProjectLifecycle.CompletionSummary.Outcome(r.teacherId(), r.outcome().name())).toList());
            lifecycles.save(lifecycles.find(p.id()).orElseThrow().in(ProjectLifecycle.Phase.CLOSED, null, clock.instant()).with(null, null, null, summary, null));
            for (int k = 0; k < run.ratings().length; k++) {
                done(requests.rate(new Caller("demo-t", Role.TEACHER, null, null, list.get(list.size() - 1 - k)), p.id(), run.ratings()[k], null));
            }
            String expert = "demo-expert-" + (i % 2 + 1);
            done(requests.assignExpert(province, p.id(), expert));
            done(requests.score(new Caller(expert, Role.EXPERT, null, null, null), p.id(), run.expert(), "过程视导"));
            done(requests.rateAsBureau(xinyang, p.id(), run.bureau(), "选派单位评价"));
        }

        // the province confirms: of the two flagged, 周口师范学院 is eliminated from 乡村教师; the ranking is published
        clock.set(OffsetDateTime.parse("2019-12-20T10:00:00+08:00").toInstant());
        done(performance.confirm(province, program.id(), List.of(new InstitutionPerformance.Flag("ZKNU", "乡村教师"))));
        done(performance.publish(province, program.id()));

        // T1: full-time teachers (illustrative numbers) of the province, Xinyang and its counties
        var shares = ctx.getBean(HighEndShares.class);
        for (var count : Map.of("410000", 1_020_000, "411500", 68_000, "411522", 5_200, "411523", 2_100, "411526", 5_900).entrySet()) {
            for (int year : new int[]{2019, 2020}) done(shares.setCount(province, count.getKey(), year, count.getValue()));
        }
        return new Loaded("2019: program " + program.id() + ", 8 projects of HENU, HNNU, XYNU, ZKNU, ranked and published (ZKNU eliminated from 乡村教师), 64 trainees",
                List.copyOf(projects));
    }

    /** The running year (the demo's 2020): Xinyang's counties' F3 records, and a 1+10+100 community with an approved activity. */
    static String loadRunningYear(ApplicationContext ctx, LocalClock clock) {
        var budgets = ctx.getBean(TrainingBudgets.class);
        var payroll = Map.of("411522", "312000000", "411523", "126000000", "411526", "354000000");
        var training = Map.of("411522", "5616000", "411523", "1575000", "411526", "7080000");   // 1.8%, 1.25% (short), 2.0%
        for (var county : payroll.keySet()) {
            var admin = new Caller("demo-" + county, Role.COUNTY_ADMIN, county, null, null);
            done(budgets.record(admin, county, 2020, new BigDecimal(payroll.get(county)), new BigDecimal(training.get(county))));
        }
        var xinxian = new Caller("demo-411523", Role.COUNTY_ADMIN, "411523", null, null);
        var save = ctx.getBean(SaveTeacher.class);
        done(save.execute(xinxian, new SaveTeacher.Command("MS-0001", "周明", "411523", null, Stage.PRIMARY, List.of("数学"), TeacherRole.TEACHER,
                SchoolLocation.TOWN, LocalDate.of(1998, 9, 1), BackboneLevel.PROVINCIAL)));
        for (int i = 1; i <= 3; i++) {
            done(save.execute(xinxian, new SaveTeacher.Command("GG-000" + i, "骨干" + i, "411523", null, Stage.PRIMARY, List.of("数学"), TeacherRole.TEACHER,
                    SchoolLocation.TOWN, LocalDate.of(2010, 9, 1), BackboneLevel.COUNTY)));
        }
        for (int i = 1; i <= 6; i++) {
            done(save.execute(xinxian, new SaveTeacher.Command("XR-000" + i, "新教师" + i, "411523", null, Stage.PRIMARY, List.of("数学"), TeacherRole.TEACHER,
                    SchoolLocation.RURAL, LocalDate.of(2019 + i % 2, 8, 1), null)));
        }
        var communities = ctx.getBean(MentoringCommunities.class);
        var community = done(communities.create(xinxian, new MentoringCommunities.Create("新县小学数学名师工作室", "411523", 2020, "MS-0001")));
        for (int i = 1; i <= 3; i++) done(communities.addBackbone(xinxian, community.id(), "GG-000" + i));
        for (int i = 1; i <= 6; i++) done(communities.addNewTeacher(xinxian, community.id(), "GG-000" + ((i - 1) / 2 + 1), "XR-000" + i));
        var activities = ctx.getBean(MentoringActivities.class);
        var backbone = new Caller("demo-GG-0001", Role.TEACHER, "411523", null, "GG-0001");
        done(activities.record(backbone, community.id(), new MentoringActivities.Record("MS-2020-01", "GG-0001", "同课异构：分数的初步认识",
                LocalDate.of(2020, 8, 28), CreditCategory.ONLINE, List.of(new MentoringActivities.AttendeeHours("XR-0001", 6),
                new MentoringActivities.AttendeeHours("XR-0002", 6)))));
        done(activities.decide(xinxian, community.id(), "MS-2020-01", new MentoringActivities.Decide(true, null, "已核实")));
        // a second activity waits for the county's approval (名师工作室 shows it to 新县教育局)
        done(activities.record(new Caller("demo-GG-0002", Role.TEACHER, "411523", null, "GG-0002"), community.id(), new MentoringActivities.Record(
                "MS-2020-02", "GG-0002", "课堂观察与评议", LocalDate.of(2020, 8, 30), CreditCategory.SCHOOL_BASED,
                List.of(new MentoringActivities.AttendeeHours("XR-0003", 4), new MentoringActivities.AttendeeHours("XR-0004", 4)))));
        return "2020: F3 records of 3 counties, mentoring community " + community.id() + " (1 master, 3 backbones, 6 new teachers, 2 activities: one approved, one pending)";
    }

    private static int count(List<Completion.Result> results, Completion.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
