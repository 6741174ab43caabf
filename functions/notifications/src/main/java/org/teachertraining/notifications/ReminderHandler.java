package org.teachertraining.notifications;

import org.teachertraining.adapters.aws.Priming;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.dynamodb.DynamoDbCityReports;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.adapters.dynamodb.DynamoDbQuotas;
import org.teachertraining.adapters.dynamodb.DynamoDbReminderRuns;
import org.teachertraining.adapters.dynamodb.DynamoDbSubmissions;
import org.teachertraining.adapters.sqs.SqsNotificationQueue;
import org.teachertraining.core.credit.RequirementBook;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.notification.FindReminders;
import org.teachertraining.core.notification.SendReminders;

import java.util.Map;


/**
 * The daily schedule (template.yaml: 08:00 Asia/Shanghai): produces the reminders of every day not yet covered, and on
 * the first run of a year queues the compliance rollover (C3) on the credit-posting queue.
 */
public class ReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final SendReminders reminders;
    private final TrainingTable table;

    /** In Lambda: the process environment and the system clock. */
    public ReminderHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** The composition root, also used by the local runtime with the function's own environment and the platform's clock. */
    public ReminderHandler(FunctionEnvironment environment) {
        var table = environment.trainingTable();
        var sqs = environment.sqs();
        var tree = JurisdictionTree.china();
        var requirements = new RequirementBook(Requirements.seeds(), new DynamoDbRequirementVersions(table));
        var highEnd = new org.teachertraining.core.evaluation.HighEndShares(new org.teachertraining.adapters.dynamodb.DynamoDbTeacherCounts(table),
                new org.teachertraining.adapters.dynamodb.DynamoDbPrograms(table), new DynamoDbProjects(table),
                new org.teachertraining.adapters.dynamodb.DynamoDbEnrollments(table), new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table),
                requirements,
                new org.teachertraining.core.identity.Access(tree), environment.clock());
        var find = new FindReminders(new DynamoDbProjects(table), new DynamoDbQuotas(table), new DynamoDbSubmissions(table),
                new DynamoDbCityReports(table), tree, java.util.List.of(highEnd));
        var notices = new SqsNotificationQueue(sqs, environment.require("NOTIFICATION_QUEUE_URL"));
        var aggregates = new DynamoDbComplianceAggregates(table);
        var rollover = new org.teachertraining.core.credit.ComplianceRollover(requirements, tree, new org.teachertraining.adapters.dynamodb.DynamoDbTeachers(table),
                new org.teachertraining.core.credit.RefreshCompliance(requirements, aggregates, environment.clock()), aggregates,
                new org.teachertraining.adapters.sqs.SqsComplianceRollover(sqs, environment.require("CREDIT_POSTING_QUEUE_URL")), notices, environment.clock());
        this.reminders = new SendReminders(find, notices, new DynamoDbReminderRuns(table), rollover::start, environment.clock());
        this.table = table;
        Priming.beforeSnapshot("ReminderFunction", this::prime);
    }

    /**
     * SnapStart priming ({@link Priming}), before the snapshot: the table's reads, a refused put and transaction, and the
     * JSON of the records it stores ({@link TrainingTable#prime}); not a run, which would send the day's reminders. Only
     * requests its role allows (template.yaml); none changes an item.
     */
    public void prime() {
        table.prime(TrainingTable.PrimingRequest.GET_ITEM, TrainingTable.PrimingRequest.QUERY, TrainingTable.PrimingRequest.PUT_ITEM);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        var run = reminders.run();
        return Map.of("from", run.from().toString(), "to", run.to().toString(), "reminders", run.reminders());
    }
}
