package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.program.CityReports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.teachertraining.adapters.dynamodb.TrainingTable.s;

/**
 * S6: PROGRAM#id / CITYREPORTDEADLINE (GSI2 CITYREPORT-CALENDAR / due#programId, for the reminders) and
 * PROGRAM#id / CITYREPORT#city (put only if absent: one per city).
 */
public final class DynamoDbCityReports implements CityReports {
    private static final String CALENDAR = "CITYREPORT-CALENDAR";
    private final TrainingTable table;

    public DynamoDbCityReports(TrainingTable table) {
        this.table = table;
    }

    @Override
    public void setDeadline(Deadline d) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROGRAM#" + d.programId()), "SK", s("CITYREPORTDEADLINE"),
                "type", s("CITYREPORTDEADLINE"), "GSI2PK", s(CALENDAR), "GSI2SK", s(d.due() + "#" + d.programId()), "data", s(TrainingTable.toJson(d)))));
    }

    @Override
    public List<Deadline> dueBetween(LocalDate from, LocalDate to) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI2)
                        .keyConditionExpression("GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(CALENDAR), ":from", s(from.toString()), ":to", s(to + "#~"))))
                .items().stream().map(i -> TrainingTable.fromJson(TrainingTable.str(i, "data"), Deadline.class)).toList();
    }

    @Override
    public boolean submit(String programId, String city, String summary, String by, Instant at) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("PROGRAM#" + programId), "SK", s("CITYREPORT#" + city),
                    "type", s("CITYREPORT"), "summary", s(summary), "by", s(by), "at", s(at.toString()))).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public java.util.Optional<Deadline> deadline(String programId) {
        return table.read("PROGRAM#" + programId, "CITYREPORTDEADLINE", Deadline.class);
    }

    @Override
    public List<Report> reports(String programId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("PROGRAM#" + programId), ":sk", s("CITYREPORT#"))))
                .items().stream().map(i -> new Report(programId, TrainingTable.str(i, "SK").substring("CITYREPORT#".length()),
                        TrainingTable.str(i, "summary"), TrainingTable.str(i, "by"), Instant.parse(TrainingTable.str(i, "at")))).toList();
    }

    @Override
    public Map<String, Instant> submittedAt(String programId) {
        return reports(programId).stream().collect(Collectors.toMap(Report::city, Report::at));
    }

    @Override
    public Set<String> submitted(String programId) {
        return reports(programId).stream().map(Report::city).collect(Collectors.toSet());
    }
}
