package org.teachertraining.core.evaluation;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.institution.Eliminations;
import org.teachertraining.core.institution.Institution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectFigures;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * P1, institution performance per program: the province's weights and elimination rule (its data, the seeds' criteria
 * by default), each institution's score from the platform's records ({@link ProjectFigures}, the sending bureaus'
 * ratings), a ranking over the program and one per project category with the bottom flagged (末位淘汰), the province's
 * confirmation (the ranking is then fixed, its eliminations recorded), publication, and the previous result shown
 * when the next program assigns projects. The same records give the same ranking; each score lists its inputs.
 */
public final class InstitutionPerformance {
    /** Port: the policy, the confirmed ranking (with its eliminations) and its publication. */
    public interface Records extends Eliminations {
        Optional<PerformancePolicy> policy(String programId);

        /** Stores the policy unless the program's ranking is confirmed; false then. */
        boolean savePolicy(PerformancePolicy policy);

        Optional<Ranking> confirmed(String programId);

        /** Stores the ranking and its eliminations at once, unless the program's ranking is confirmed already; false then. */
        boolean confirm(Ranking ranking, List<Elimination> eliminations);

        /** Marks the confirmed ranking published; false when there is none. */
        boolean publish(String programId, String by, Instant at);
    }

    public enum Status { PROVISIONAL, CONFIRMED }

    /** A project left out of the ranking, and why; {@code pending}: it will count once its completion is recorded. */
    public record Unscored(String projectId, String code, String institutionId, String institutionName, Text reason, boolean pending) {
        static Unscored of(Project p, Function<String, String> names, Text reason, boolean pending) {
            return new Unscored(p.id(), p.code(), p.institutionId(), names.apply(p.institutionId()), reason, pending);
        }
    }

    public record Ranking(String programId, String programName, int year, String owner, Status status, PerformancePolicy policy,
                          InstitutionRanking.CategoryRanking overall, List<InstitutionRanking.CategoryRanking> categories,
                          List<InstitutionRanking.ProjectScore> projects, List<Unscored> unscored,
                          String confirmedBy, Instant confirmedAt, boolean published, Instant publishedAt) {
        public Ranking published(String by, Instant at) {
            return new Ranking(programId, programName, year, owner, status, policy, overall, categories, projects, unscored, confirmedBy, confirmedAt, true, at);
        }
    }

    /** What the public reads of a published ranking: the ranks and scores, not who confirmed it. */
    public record PublishedRanking(String programId, String programName, int year, InstitutionRanking.CategoryRanking overall,
                                   List<InstitutionRanking.CategoryRanking> categories, Instant confirmedAt, Instant publishedAt) {}

    /** One institution flagged in one category, as the province confirms it. */
    public record Flag(String institutionId, String category) {}

    /** An institution's previous result, shown when the next program assigns projects. */
    public record PreviousResult(String institutionId, String name, BigDecimal score, int rank, int of, List<CategoryResult> categories) {}

    public record CategoryResult(String category, BigDecimal score, int rank, int of, boolean eliminated) {}

    public record Standing(String programId, Previous previous, List<PreviousResult> institutions, List<Eliminations.Elimination> eliminations) {}

    public record Previous(String programId, String name, int year) {}

    private static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN};
    /** The confirmation is one DynamoDB transaction (100 items at most): the ranking, the policy's check, the eliminations. */
    static final int MAX_ELIMINATIONS = 98;
    /** How many years back the previous result is looked for. */
    static final int LOOK_BACK_YEARS = 5;

    private final Records records;
    private final Programs programs;
    private final Projects projects;
    private final Lifecycles lifecycles;
    private final ProjectFigures figures;
    private final Institutions institutions;
    private final Access access;
    private final Clock clock;

    public InstitutionPerformance(Records records, Programs programs, Projects projects, Lifecycles lifecycles, ProjectFigures figures,
                                  Institutions institutions, Access access, Clock clock) {
        this.records = records;
        this.programs = programs;
        this.projects = projects;
        this.lifecycles = lifecycles;
        this.figures = figures;
        this.institutions = institutions;
        this.access = access;
        this.clock = clock;
    }

    public Outcome<PerformancePolicy> policy(Caller caller, String programId) {
        return owned(caller, programId).map(p -> policyOf(p.id()));
    }

    public Outcome<PerformancePolicy> setPolicy(Caller caller, String programId, Map<String, Integer> weights, PerformancePolicy.Elimination elimination) {
        var program = owned(caller, programId);
        if (program instanceof Outcome.Refused<Program> r) return Outcome.refused(r.refusal());
        var v = new Violations();
        var w = PerformancePolicy.weights(v, weights);
        PerformancePolicy.elimination(v, elimination);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var policy = new PerformancePolicy(programId, w, elimination, caller.userId(), clock.instant());
        if (!records.savePolicy(policy)) return Outcome.refused(confirmedAlready());
        return Outcome.done(policy);
    }

    /** The confirmed ranking, or the ranking the records give now (provisional). */
    public Outcome<Ranking> ranking(Caller caller, String programId) {
        var program = owned(caller, programId);
        if (program instanceof Outcome.Refused<Program> r) return Outcome.refused(r.refusal());
        return Outcome.done(records.confirmed(programId).orElseGet(() -> compute(((Outcome.Done<Program>) program).value())));
    }

    /**
     * The province confirms the ranking: of the flagged institutions, those listed are eliminated from their category;
     * the ranking is fixed from then on. Refused while a project of the program has no completion yet, and once confirmed.
     */
    public Outcome<Ranking> confirm(Caller caller, String programId, List<Flag> eliminate) {
        var owned = owned(caller, programId);
        if (owned instanceof Outcome.Refused<Program> r) return Outcome.refused(r.refusal());
        var program = ((Outcome.Done<Program>) owned).value();
        var v = new Violations();
        if (eliminate == null) v.add("eliminate", "必填（可为空列表：不淘汰任何机构）", "is required (an empty list eliminates nobody)");
        else if (eliminate.size() > MAX_ELIMINATIONS) v.add("eliminate", "一次最多淘汰 " + MAX_ELIMINATIONS + " 项", "has at most " + MAX_ELIMINATIONS + " entries");
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var live = compute(program);
        var pending = live.unscored().stream().filter(Unscored::pending).toList();
        if (!pending.isEmpty()) {
            return Outcome.refused(Refusal.conflict("P1", Text.of("还有 " + pending.size() + " 个项目尚未结业认定（如 " + pending.getFirst().code() + "），不能确认排名",
                    pending.size() + " projects have no completion recorded yet (" + pending.getFirst().code() + ", for one); the ranking cannot be confirmed")));
        }
        var flagged = new HashSet<String>();
        live.categories().forEach(c -> c.institutions().stream().filter(InstitutionRanking.Standing::flagged)
                .forEach(s -> flagged.add(key(s.institutionId(), c.category()))));
        var chosen = new HashSet<String>();
        for (int i = 0; i < eliminate.size(); i++) {
            var f = eliminate.get(i);
            if (f == null || f.institutionId() == null || f.category() == null) {
                v.add("eliminate[" + i + "]", "须给出 institutionId 和 category", "needs institutionId and category");
            } else if (!flagged.contains(key(f.institutionId(), f.category()))) {
                v.add("eliminate[" + i + "]", "承训机构 " + PlainText.quote(f.institutionId()) + " 在类别 " + PlainText.quote(f.category()) + " 中未被标记为末位",
                        "institution " + PlainText.quote(f.institutionId()) + " is not flagged in category " + PlainText.quote(f.category()));
            } else {
                chosen.add(key(f.institutionId(), f.category()));
            }
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var now = clock.instant();
        // the ranking already computed, with the chosen flags marked: the records are not read a second time
        var categories = live.categories().stream().map(c -> new InstitutionRanking.CategoryRanking(c.category(), c.institutions().stream()
                .map(x -> new InstitutionRanking.Standing(x.institutionId(), x.name(), x.score(), x.rank(), x.of(), x.projects(), x.flagged(),
                        chosen.contains(key(x.institutionId(), c.category())))).toList(), c.note())).toList();
        var ranking = new Ranking(live.programId(), live.programName(), live.year(), live.owner(), Status.CONFIRMED, live.policy(), live.overall(),
                categories, live.projects(), live.unscored(), caller.userId(), now, false, null);
        var eliminations = new ArrayList<Eliminations.Elimination>();
        for (var c : ranking.categories()) {
            for (var s : c.institutions()) {
                if (s.eliminated()) eliminations.add(new Eliminations.Elimination(program.jurisdiction(), s.institutionId(), c.category(),
                        program.id(), program.year(), s.score(), s.rank(), s.of(), caller.userId(), now));
            }
        }
        if (!records.confirm(ranking, eliminations)) return Outcome.refused(confirmedAlready());
        return Outcome.done(ranking);
    }

    public Outcome<Ranking> publish(Caller caller, String programId) {
        var owned = owned(caller, programId);
        if (owned instanceof Outcome.Refused<Program> r) return Outcome.refused(r.refusal());
        var now = clock.instant();
        if (!records.publish(programId, caller.userId(), now)) {
            return Outcome.refused(Refusal.conflict("P1", Text.of("排名尚未确认，不能公布", "The ranking is not confirmed yet; it cannot be published")));
        }
        return Outcome.done(records.confirmed(programId).orElseThrow());
    }

    /** The public read: only what the province published. */
    public Outcome<PublishedRanking> published(String programId) {
        var r = records.confirmed(programId).filter(Ranking::published);
        if (r.isEmpty()) return Outcome.refused(Refusal.notFound(Text.of("该计划没有公布的承训机构排名", "The program has no published ranking")));
        var x = r.get();
        return Outcome.done(new PublishedRanking(x.programId(), x.programName(), x.year(), x.overall(), x.categories(), x.confirmedAt(), x.publishedAt()));
    }

    /** For the next program's assignments: each institution's previous confirmed result, and the owner's eliminations. */
    public Outcome<Standing> standing(Caller caller, String programId) {
        var owned = owned(caller, programId);
        if (owned instanceof Outcome.Refused<Program> r) return Outcome.refused(r.refusal());
        var program = ((Outcome.Done<Program>) owned).value();
        Previous previous = null;
        var results = new ArrayList<PreviousResult>();
        search:
        for (int year = program.year() - 1; year >= program.year() - LOOK_BACK_YEARS; year--) {
            for (var earlier : programs.allOfYear(year, Set.of(program.jurisdiction()))) {
                if (earlier.level() != program.level() || !earlier.jurisdiction().equals(program.jurisdiction())) continue;
                var confirmed = records.confirmed(earlier.id());
                if (confirmed.isEmpty()) continue;
                previous = new Previous(earlier.id(), earlier.name(), earlier.year());
                for (var s : confirmed.get().overall().institutions()) {
                    var categories = new ArrayList<CategoryResult>();
                    for (var c : confirmed.get().categories()) {
                        c.institutions().stream().filter(x -> x.institutionId().equals(s.institutionId())).findFirst()
                                .ifPresent(x -> categories.add(new CategoryResult(c.category(), x.score(), x.rank(), x.of(), x.eliminated())));
                    }
                    results.add(new PreviousResult(s.institutionId(), s.name(), s.score(), s.rank(), s.of(), categories));
                }
                break search;
            }
        }
        return Outcome.done(new Standing(programId, previous, results, records.of(program.jurisdiction())));
    }

    private Ranking compute(Program program) {
        var policy = policyOf(program.id());
        var scored = new ArrayList<InstitutionRanking.ProjectScore>();
        var unscored = new ArrayList<Unscored>();
        var names = new LinkedHashMap<String, String>();
        Function<String, String> nameOf = id -> names.computeIfAbsent(id, x -> institutions.find(x).map(Institution::name).orElse(x));
        for (Project p : projects.ofProgram(program.id())) {
            var lc = lifecycles.find(p.id());
            var phase = lc.map(ProjectLifecycle::phase).orElse(null);
            if (phase == ProjectLifecycle.Phase.CANCELLED || phase == ProjectLifecycle.Phase.REJECTED) {
                unscored.add(Unscored.of(p, nameOf, Text.of("项目" + (phase == ProjectLifecycle.Phase.CANCELLED ? "已取消" : "未获批准") + "，不计入",
                        "The project was " + phase.name().toLowerCase() + "; it does not count"), false));
                continue;
            }
            if (lc.isEmpty() || lc.get().completion() == null) {
                unscored.add(Unscored.of(p, nameOf, Text.of("尚未结业认定", "No completion recorded yet"), true));
                continue;
            }
            var s = InstitutionRanking.score(p, figures.of(p, lc.get()), lifecycles.bureauRatings(p.id()), policy.weights());
            if (s.score() == null) {
                unscored.add(Unscored.of(p, nameOf, Text.of("有权重的指标都没有数据", "No weighted criterion has an input"), false));
            } else {
                scored.add(s);
            }
        }
        var overall = InstitutionRanking.rank(null, scored, nameOf, null, Set.of());
        var byCategory = new TreeMap<String, List<InstitutionRanking.ProjectScore>>();
        scored.stream().filter(s -> s.category() != null).forEach(s -> byCategory.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s));
        var categories = new ArrayList<InstitutionRanking.CategoryRanking>();
        byCategory.forEach((category, list) -> categories.add(InstitutionRanking.rank(category, list, nameOf, policy.elimination(), Set.of())));
        return new Ranking(program.id(), program.name(), program.year(), program.jurisdiction(), Status.PROVISIONAL, policy, overall,
                List.copyOf(categories), List.copyOf(scored), List.copyOf(unscored), null, null, false, null);
    }

    private PerformancePolicy policyOf(String programId) {
        return records.policy(programId).orElseGet(() -> PerformancePolicy.defaults(programId));
    }

    /** The program, when the caller is an admin of its owner or above. */
    private Outcome<Program> owned(Caller caller, String programId) {
        if (!caller.hasRole(ADMINS)) return Outcome.refused(Access.roleRefusal(ADMINS));
        var program = programs.find(programId);
        if (program.isEmpty()) return Outcome.refused(NotFound.program(programId));
        var denied = access.require(caller, program.get().jurisdiction(), ADMINS);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        return Outcome.done(program.get());
    }

    private static String key(String institutionId, String category) {
        return institutionId + "\n" + category;
    }

    private static Refusal confirmedAlready() {
        return Refusal.conflict("P1", Text.of("该计划的承训机构排名已确认，不能再更改", "The program's ranking is confirmed; it can no longer change"));
    }
}
