package org.teachertraining.core.credit;

/**
 * One teacher's standing against one requirement in one cycle, as the compliance aggregate keeps it:
 * what a bureau's list shows without reading any ledger.
 */
public record ComplianceRow(String teacherId, String name, String jurisdiction, String schoolId, String requirementId,
                            int cycleFrom, int cycleTo, int earned, int required, int shortBy, boolean met) {
    /** Which row of its teacher this is: one per requirement and cycle. */
    public record Key(String requirementId, int cycleFrom) {}

    public Key key() {
        return new Key(requirementId, cycleFrom);
    }
}
