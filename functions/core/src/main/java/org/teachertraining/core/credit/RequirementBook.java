package org.teachertraining.core.credit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

        /** Stores {@code version} unless that version number of the requirement exists already; false then. */
        boolean add(Requirement version);
    }

    private final Requirements seeds;
    private final Versions versions;

    public RequirementBook(Requirements seeds, Versions versions) {
        this.seeds = seeds;
        this.versions = versions;
    }

    /** The seeds alone, for tests and tools with no store. */
    public static RequirementBook seedsOnly() {
        return new RequirementBook(Requirements.seeds(), new Versions() {
            public List<Requirement> ofUnits(List<String> units) { return List.of(); }
            public List<Requirement> all() { return List.of(); }
            public List<Requirement> of(String id) { return List.of(); }
            public boolean add(Requirement version) { return false; }
        });
    }

    /** The requirements in force in {@code year} for a teacher or unit registered at {@code code}: those of its chain. */
    public Requirements inForceFor(String code, int year) {
        var chain = Requirements.chain(code);
        var all = new ArrayList<>(seeds.all().stream().filter(r -> chain.contains(r.jurisdiction())).toList());
        all.addAll(versions.ofUnits(chain));
        return new Requirements(all).inForce(year);
    }

    /** Every unit's requirements in force in {@code year} (reads every stored version: for the yearly reminders). */
    public Requirements inForce(int year) {
        var all = new ArrayList<>(seeds.all());
        all.addAll(versions.all());
        return new Requirements(all).inForce(year);
    }

    /** One requirement's version in force in {@code year}, if it has one. */
    public Optional<Requirement> inForce(String id, int year) {
        return new Requirements(history(id)).inForce(year).all().stream().findFirst();
    }

    /** One requirement's versions, the seed's first. */
    public List<Requirement> history(String id) {
        var all = new ArrayList<>(seeds.all().stream().filter(r -> r.id().equals(id)).toList());
        all.addAll(versions.of(id));
        all.sort(Comparator.comparingInt(Requirement::version));
        return List.copyOf(all);
    }

    /** How many requirements {@code unit} has set (for the cap on them). */
    long setBy(String unit) {
        return versions.ofUnits(List.of(unit)).stream().map(Requirement::id).distinct().count();
    }

    boolean add(Requirement version) {
        return versions.add(version);
    }
}
