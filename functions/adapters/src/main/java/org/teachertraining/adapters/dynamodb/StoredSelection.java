package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.RequirementCycles;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.ReleaseBannedSeats;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.time.Clock;

/**
 * The selection's rules over the table, for the functions that write integrity records without serving enrollments
 * (the lifecycle's no-show marking, credit posting): the seats a new ban releases ({@link ReleaseBannedSeats}) are
 * released, and the waitlist promoted, under the same rules (E3–E5, E7) as the enrollment API's withdrawals.
 */
public final class StoredSelection {
    private StoredSelection() {}

    public static ReleaseBannedSeats releaseBannedSeats(TrainingTable table, RequirementBook requirements, JurisdictionTree tree, Clock clock) {
        var enrollments = new DynamoDbEnrollments(table);
        var integrity = new DynamoDbIntegrityRecords(table);
        var projects = new DynamoDbProjects(table);
        var access = new Access(tree);
        var rules = new EnrollTeacher(new DynamoDbSelectionRecords(table), new DynamoDbQuotas(table), enrollments, integrity,
                new DynamoDbTrainingHours(table), new RequirementCycles(requirements), access, clock);
        var withdrawals = new WithdrawEnrollment(projects, enrollments, new DynamoDbTeachers(table),
                new DynamoDbWaitlists(table, new DynamoDbNotifications(table)), rules, access, clock);
        return new ReleaseBannedSeats(integrity, enrollments, projects, withdrawals, clock);
    }
}
