package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.RequirementCycles;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.ReleaseBannedSeats;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The selection's rules over the table, for the functions that write integrity records without serving enrollments
 * (the lifecycle's no-show marking, credit posting): the seats a new ban releases ({@link ReleaseBannedSeats}) are
 * released, and the waitlist promoted, under the same rules (E3–E5, E7) as the enrollment API's withdrawals. Those rules
 * (and the cycle requirements E5 reads) are built on the first seat to release, not at the function's start.
 */
public final class StoredSelection {
    private StoredSelection() {}

    public static ReleaseBannedSeats releaseBannedSeats(TrainingTable table, JurisdictionTree tree, Clock clock) {
        var enrollments = new DynamoDbEnrollments(table);
        var integrity = new DynamoDbIntegrityRecords(table);
        var projects = new DynamoDbProjects(table);
        var waitlists = new DynamoDbWaitlists(table, new DynamoDbNotifications(table));
        var withdrawals = new AtomicReference<WithdrawEnrollment>();
        return new ReleaseBannedSeats(integrity, enrollments, projects, waitlists, () -> withdrawals.updateAndGet(built -> built != null ? built
                : withdrawals(table, enrollments, integrity, projects, waitlists, tree, clock)), clock);
    }

    private static WithdrawEnrollment withdrawals(TrainingTable table, DynamoDbEnrollments enrollments, DynamoDbIntegrityRecords integrity,
                                                  DynamoDbProjects projects, DynamoDbWaitlists waitlists, JurisdictionTree tree, Clock clock) {
        var access = new Access(tree);
        var requirements = new RequirementBook(Requirements.seeds(), new DynamoDbRequirementVersions(table), RequirementBook.KEEP);
        var rules = new EnrollTeacher(new DynamoDbSelectionRecords(table), new DynamoDbQuotas(table), enrollments, integrity,
                new DynamoDbTrainingHours(table), new RequirementCycles(requirements), access, clock);
        return new WithdrawEnrollment(projects, enrollments, new DynamoDbTeachers(table), waitlists, rules, access, clock);
    }
}
