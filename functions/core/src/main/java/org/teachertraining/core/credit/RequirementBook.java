package org.teachertraining.core.credit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every version of every cycle requirement (C3): the seeds (version 0) and what the province and districts set since
 * ({@link SetRequirement}), read from the store at each use, so a version takes effect without a redeployment.
 */
public final class RequirementBook {
    /** Port: the versions the bureaus set, append-only. */
    public interface Versions {
        /** Every stored version of every requirement (a few dozen items: one per province or district and kind). */
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
            public List<Requirement> all() { return List.of(); }
            public List<Requirement> of(String id) { return List.of(); }
            public boolean add(Requirement version) { return false; }
        });
    }

    /** The requirements in force in {@code year}, one version of each. */
    public Requirements inForce(int year) {
        var all = new ArrayList<>(seeds.all());
        all.addAll(versions.all());
        return new Requirements(all).inForce(year);
    }

    /** One requirement's versions, the seed's first. */
    public List<Requirement> history(String id) {
        var all = new ArrayList<>(seeds.all().stream().filter(r -> r.id().equals(id)).toList());
        all.addAll(versions.of(id));
        all.sort(Comparator.comparingInt(Requirement::version));
        return List.copyOf(all);
    }

    boolean add(Requirement version) {
        return versions.add(version);
    }
}
