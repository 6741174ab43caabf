package org.teachertraining.core.credit;

import org.teachertraining.core.common.IdOfAnother;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every version of every cycle requirement (C3): the seeds (version 0) and what the province and districts set since
 * ({@link SetRequirement}), read from the store at each use, so a version takes effect without a redeployment. A
 * teacher's or unit's requirements are read from its own chain of units only (county, city, province), so what other
 * units set never weighs on its reads.
 */
public final class RequirementBook {
    /** Port: the versions the bureaus set, append-only. */
    public interface Versions {
        /** The stored versions set by these units (a teacher's chain: at most three small partitions). */
        List<Requirement> ofUnits(List<String> units);

        /** Every stored version of every unit (the yearly shortfall reminders only). */
        List<Requirement> all();

        /** The stored versions of one requirement, oldest first (read consistently). */
        List<Requirement> of(String id);

        /**
         * Stores {@code version} unless that version number of the requirement exists already; false then. One requirement
         * per ID whatever its case, decided in the write itself: where another requirement's ID differs from this one's
         * only in case, nothing is stored and {@link IdOfAnother} names it.
         */
        boolean add(Requirement version);

        /** The ID a requirement was stored under that differs from {@code id} only in case, if there is one. */
        Optional<String> setAs(String id);
    }

    /** How long the functions reuse what they read: a minute. */
    public static final java.time.Duration KEEP = java.time.Duration.ofMinutes(1);

    private final Requirements seeds;
    private final Versions versions;
    private final long keepNanos;
    /** Each chain's (or requirement's) stored versions as last read, with when (System.nanoTime: elapsed time, not the business clock). */
    private final java.util.Map<Object, Map.Entry<Long, List<Requirement>>> read = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the store at every use. */
    public RequirementBook(Requirements seeds, Versions versions) {
        this(seeds, versions, java.time.Duration.ZERO);
    }

    /**
     * Reuses a chain's versions for {@code keep} (a function's postings and transcripts read the same few units again and
     * again). Safe for decisions: a version takes effect in a later year only ({@link SetRequirement}), so one set within
     * {@code keep} can change nothing this year; a read of next year's may lag it by {@code keep} on another instance.
     */
    public RequirementBook(Requirements seeds, Versions versions, java.time.Duration keep) {
        this.seeds = seeds;
        this.versions = versions;
        this.keepNanos = keep.toNanos();
    }

    /** The seeds alone, for tests and tools with no store. */
    public static RequirementBook seedsOnly() {
        return new RequirementBook(Requirements.seeds(), new Versions() {
            public List<Requirement> ofUnits(List<String> units) { return List.of(); }
            public List<Requirement> all() { return List.of(); }
            public List<Requirement> of(String id) { return List.of(); }
            public boolean add(Requirement version) { return false; }
            public Optional<String> setAs(String id) { return Optional.empty(); }
        });
    }

    /** The requirements in force in {@code year} for a teacher or unit registered at {@code code}: those of its chain. */
    public Requirements inForceFor(String code, int year) {
        var chain = Requirements.chain(code);
        var all = new ArrayList<>(seeds.all().stream().filter(r -> chain.contains(r.jurisdiction())).toList());
        all.addAll(stored(chain));
        return new Requirements(all).inForce(year);
    }

    private List<Requirement> stored(List<String> chain) {
        return kept(chain, () -> versions.ofUnits(chain));
    }

    private List<Requirement> kept(Object key, java.util.function.Supplier<List<Requirement>> reading) {
        if (keepNanos == 0) return reading.get();
        long now = System.nanoTime();
        var last = read.get(key);
        if (last != null && now - last.getKey() < keepNanos) return last.getValue();
        var fresh = reading.get();
        read.put(key, Map.entry(now, fresh));
        return fresh;
    }

    /** Every unit's requirements in force in {@code year} (reads every stored version: for the yearly reminders). */
    public Requirements inForce(int year) {
        var all = new ArrayList<>(seeds.all());
        all.addAll(versions.all());
        return new Requirements(all).inForce(year);
    }

    /** One requirement's version in force in {@code year}, if it has one. */
    public Optional<Requirement> inForce(String id, int year) {
        return new Requirements(withSeed(id, kept("id:" + id, () -> versions.of(id)))).inForce(year).all().stream().findFirst();
    }

    /** One requirement's versions, the seed's first, as stored now (never from what this instance read before). */
    public List<Requirement> history(String id) {
        return withSeed(id, versions.of(id));
    }

    /** The requirement's seed (if it has one) and {@code stored}, by version. */
    private List<Requirement> withSeed(String id, List<Requirement> stored) {
        var all = new ArrayList<>(seeds.all().stream().filter(r -> r.id().equals(id)).toList());
        all.addAll(stored);
        all.sort(Comparator.comparingInt(Requirement::version));
        return List.copyOf(all);
    }

    /**
     * The special topics some requirement counts (C3), of any unit and version, in upper case ({@code HEAD_TEACHER},
     * {@code IT_2_0}): what a completion or school-based hours may name as their topic. Kept as the chains are.
     */
    public Set<String> topics() {
        return kept("topics", () -> {
            var all = new ArrayList<>(seeds.all());
            all.addAll(versions.all());
            return all;
        }).stream().map(Requirement::topic).filter(Objects::nonNull).map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Adds to {@code v} why {@code topic} (given) cannot be a special topic: it is no ID, or no requirement counts it, so
     * its hours would count toward none (a typo such as HEAD_TEACHR). Nothing for a topic some requirement has, in any case.
     */
    public void checkTopic(Violations v, String field, String topic) {
        int before = v.errors().size();
        v.identifier(field, topic);
        if (v.errors().size() > before) return;
        var known = topics();
        if (known.contains(topic.toUpperCase(Locale.ROOT))) return;
        v.add(field, Text.of("未知的专题「" + PlainText.quote(topic) + "」：没有哪项学时要求计入该专题的学时",
                "unknown topic '" + PlainText.quote(topic) + "': no requirement counts it; topics: " + String.join(", ", known)), List.copyOf(known));
    }

    /** How many requirements {@code unit} has set (for the cap on them). */
    long setBy(String unit) {
        return versions.ofUnits(List.of(unit)).stream().map(Requirement::id).distinct().count();
    }

    /** The ID of the requirement, a seed or one set since, whose ID differs from {@code id} only in case, if there is one. */
    Optional<String> setAs(String id) {
        return seedAs(id).or(() -> versions.setAs(id));
    }

    private Optional<String> seedAs(String id) {
        return seeds.all().stream().map(Requirement::id).filter(seed -> seed.equalsIgnoreCase(id) && !seed.equals(id)).findFirst();
    }

    /** {@link Versions#add}; a seed's ID in another case is the seed's, refused as another's stored ID is. */
    boolean add(Requirement version) {
        seedAs(version.id()).ifPresent(seed -> { throw new IdOfAnother(seed); });
        boolean added = versions.add(version);
        read.clear();   // this instance reads its own change at once
        return added;
    }
}
