package org.teachertraining.core.quota;

/**
 * The seats of a project held by one jurisdiction (E1). {@code seats} were allocated to it by its quota
 * parent (null for an uncapped project root); {@code allocated} of them it passed on to its children;
 * {@code used} were taken by enrollments drawn from its own pool. Invariant: allocated + used ≤ seats.
 */
public record Quota(String projectId, String jurisdiction, Integer seats, int allocated, int used) {

    public boolean unlimited() {
        return seats == null;
    }

    /** Seats still free in this jurisdiction's own pool. */
    public long free() {
        return unlimited() ? Long.MAX_VALUE : (long) seats - allocated - used;
    }

    /** Seats enrolled anywhere in {@code jurisdiction}'s subtree: every pool whose quota chain passes through it. */
    public static int enrolledWithin(String jurisdiction, java.util.List<Quota> all, org.teachertraining.core.jurisdiction.JurisdictionTree tree) {
        return all.stream().filter(o -> tree.quotaChain(o.jurisdiction()).contains(jurisdiction)).mapToInt(Quota::used).sum();
    }
}
