package org.teachertraining.adapters.dynamodb;

import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.mentoring.Mentoring;
import org.teachertraining.core.mentoring.Mentoring.Attendance;
import org.teachertraining.core.mentoring.Mentoring.Community;
import org.teachertraining.core.mentoring.Mentoring.Member;
import org.teachertraining.core.mentoring.Mentoring.Target;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teachertraining.adapters.dynamodb.TrainingTable.key;
import static org.teachertraining.adapters.dynamodb.TrainingTable.n;
import static org.teachertraining.adapters.dynamodb.TrainingTable.num;
import static org.teachertraining.adapters.dynamodb.TrainingTable.s;
import static org.teachertraining.adapters.dynamodb.TrainingTable.str;

/**
 * T2 (docs/data-model.md): MENTORING#id / COMMUNITY (counters {@code backbones}, {@code newTeachers}, {@code trained};
 * GSI1 MENTORING#year / owner#id), MENTORING#id / MEMBER#teacher (counters {@code newTeachers} of a backbone,
 * {@code approvedHours} of a new teacher), MENTORINGMEMBER#year#teacher / GUARD (one community a year), MENTORING#id /
 * ATTEND#activity#teacher (pending ones on GSI1 MENTORINGPENDING#county), MENTORING#id / DAY#teacher#date (a new teacher's
 * approved hours of a day, at most C4's day), MENTORINGTARGET#unit / YEAR#year.
 * Every limit is a condition of the transaction that adds the member.
 */
public final class DynamoDbMentoring implements Mentoring.Store {
    private static final int DECIDE_ATTEMPTS = 20;
    private final TrainingTable table;

    public DynamoDbMentoring(TrainingTable table) {
        this.table = table;
    }

    @Override
    public Joined create(Community c, Member master) {
        var item = new HashMap<>(Map.of("PK", s("MENTORING#" + c.id()), "SK", s("COMMUNITY"), "type", s("MENTORING"),
                "GSI1PK", s("MENTORING#" + c.year()), "GSI1SK", s(c.jurisdiction() + "#" + c.id()), "data", s(TrainingTable.toJson(c)),
                "backbones", n(0), "newTeachers", n(0), "trained", n(0)));
        var codes = table.transact(List.of(put(item), guard(c.year(), master), put(memberItem(master))));
        return codes.isEmpty() ? Joined.JOINED : Joined.ALREADY_MEMBER;
    }

    @Override
    public Joined addBackbone(Community c, Member backbone, int max) {
        var full = TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(key("MENTORING#" + c.id(), "COMMUNITY"))
                .updateExpression("ADD backbones :one").conditionExpression("backbones < :max")
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))).build()).build();
        var codes = table.transact(List.of(full, guard(c.year(), backbone), put(memberItem(backbone))));
        if (codes.isEmpty()) return Joined.JOINED;
        return failed(codes.get(), 0) ? Joined.FULL : Joined.ALREADY_MEMBER;
    }

    @Override
    public Joined addNewTeacher(Community c, Member newTeacher, int max) {
        var full = TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                .key(key("MENTORING#" + c.id(), "MEMBER#" + newTeacher.backboneId()))
                .updateExpression("ADD newTeachers :one").conditionExpression("newTeachers < :max AND #role = :backbone")
                .expressionAttributeNames(Map.of("#role", "role"))
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max), ":backbone", s(Mentoring.MemberRole.BACKBONE.name()))).build()).build();
        var count = TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(key("MENTORING#" + c.id(), "COMMUNITY"))
                .updateExpression("ADD newTeachers :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build();
        var codes = table.transact(List.of(full, count, guard(c.year(), newTeacher), put(memberItem(newTeacher))));
        if (codes.isEmpty()) return Joined.JOINED;
        return failed(codes.get(), 0) ? Joined.FULL : Joined.ALREADY_MEMBER;
    }

    @Override
    public Optional<Community> find(String id) {
        return table.get("MENTORING#" + id, "COMMUNITY").map(DynamoDbMentoring::community);
    }

    @Override
    public List<Member> members(String communityId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("MENTORING#" + communityId), ":sk", s("MEMBER#"))))
                .items().stream().map(DynamoDbMentoring::member).toList();
    }

    @Override
    public Optional<Member> member(String communityId, String teacherId) {
        return table.get("MENTORING#" + communityId, "MEMBER#" + teacherId).map(DynamoDbMentoring::member);
    }

    @Override
    public List<Community> ofYear(int year, String prefix) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).indexName(TrainingTable.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("MENTORING#" + year), ":prefix", s(prefix))))
                .items().stream().map(DynamoDbMentoring::community).toList();
    }

    @Override
    public boolean record(List<Attendance> attendances) {
        var items = new ArrayList<TransactWriteItem>();
        for (var a : attendances) {
            var item = new HashMap<>(Map.of("PK", s("MENTORING#" + a.communityId()), "SK", s(attendanceSk(a)), "type", s("MENTORINGATTENDANCE"),
                    "status", s(a.status().name()), "data", s(TrainingTable.toJson(a)),
                    "GSI1PK", s("MENTORINGPENDING#" + a.county()), "GSI1SK", s(a.date() + "#" + a.communityId() + "#" + a.activityId() + "#" + a.teacherId())));
            items.add(put(item));
        }
        return table.transact(items).isEmpty();
    }

    @Override
    public List<Attendance> activity(String communityId, String activityId) {
        return table.client().queryPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s("MENTORING#" + communityId), ":sk", s("ATTEND#" + activityId + "#"))))
                .items().stream().map(i -> TrainingTable.fromJson(str(i, "data"), Attendance.class)).toList();
    }

    @Override
    public Attendance decide(Attendance decided, CreditEntry credit, int trainedAt, int hoursPerDay) {
        var attendanceKey = key("MENTORING#" + decided.communityId(), attendanceSk(decided));
        var settle = TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(attendanceKey)
                .updateExpression("SET #status = :status, #data = :data REMOVE GSI1PK, GSI1SK").conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status", "#data", "data"))
                .expressionAttributeValues(Map.of(":status", s(decided.status().name()), ":data", s(TrainingTable.toJson(decided)),
                        ":pending", s(Mentoring.Status.PENDING.name()))).build()).build();
        for (int attempt = 0; attempt < DECIDE_ATTEMPTS; attempt++) {
            var stored = table.get(attendanceKey.get("PK").s(), attendanceKey.get("SK").s()).map(i -> TrainingTable.fromJson(str(i, "data"), Attendance.class));
            if (stored.isEmpty() || stored.get().status() != Mentoring.Status.PENDING) return stored.orElse(decided);
            var items = new ArrayList<TransactWriteItem>(List.of(settle));
            if (decided.status() == Mentoring.Status.APPROVED) {
                // C4's day: the teacher's approved hours of the activity's day stay within hoursPerDay, whichever activities give them
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(dayKey(decided))
                        .updateExpression("ADD approvedHours :hours").conditionExpression("attribute_not_exists(approvedHours) OR approvedHours <= :room")
                        .expressionAttributeValues(Map.of(":hours", n(decided.hours()), ":room", n(hoursPerDay - decided.hours()))).build()).build());
                var member = table.get("MENTORING#" + decided.communityId(), "MEMBER#" + decided.teacherId()).orElseThrow();
                int before = num(member, "approvedHours"), after = before + decided.hours();
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                        .key(key("MENTORING#" + decided.communityId(), "MEMBER#" + decided.teacherId()))
                        .updateExpression("SET approvedHours = :after").conditionExpression("approvedHours = :before")
                        .expressionAttributeValues(Map.of(":after", n(after), ":before", n(before))).build()).build());
                if (before < trainedAt && after >= trainedAt) {   // T2: this approval makes the teacher's 50 hours
                    items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                            .key(key("MENTORING#" + decided.communityId(), "COMMUNITY"))
                            .updateExpression("ADD trained :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build());
                }
                items.addAll(DynamoDbLedger.items(table, decided.teacherId(), List.of(credit)));
            }
            var codes = table.transact(items);
            if (codes.isEmpty()) return decided;
            if (decided.status() == Mentoring.Status.APPROVED && !failed(codes.get(), 0) && failed(codes.get(), 1)) {
                return stored.get();   // still PENDING: the teacher's day is full
            }
            // a condition failed: decided meanwhile (read again above), or another approval changed the teacher's hours (retry)
        }
        throw new IllegalStateException("mentoring approval of " + decided.teacherId() + " kept conflicting");
    }

    @Override
    public int approvedOn(String communityId, String teacherId, java.time.LocalDate date) {
        return table.get("MENTORING#" + communityId, daySk(teacherId, date)).map(i -> num(i, "approvedHours")).orElse(0);
    }

    @Override
    public org.teachertraining.core.common.Page<Attendance> pendingIn(String county, String cursor, int limit) {
        String pk = "MENTORINGPENDING#" + county;
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table.name()).indexName(TrainingTable.GSI1)
                .limit(limit).keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
        if (cursor != null) request.exclusiveStartKey(TrainingTable.decodeCursor(cursor, "GSI1PK", pk, "GSI1SK", ""));
        return table.page(request.build(), i -> TrainingTable.fromJson(str(i, "data"), Attendance.class));
    }

    @Override
    public void setTarget(Target t) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of("PK", s("MENTORINGTARGET#" + t.jurisdiction()), "SK", s("YEAR#" + t.year()),
                "type", s("MENTORINGTARGET"), "data", s(TrainingTable.toJson(t)))));
    }

    @Override
    public Optional<Target> target(String jurisdiction, int year) {
        return table.read("MENTORINGTARGET#" + jurisdiction, "YEAR#" + year, Target.class);
    }

    private static String daySk(String teacherId, java.time.LocalDate date) {
        return "DAY#" + teacherId + "#" + date;
    }

    private static Map<String, AttributeValue> dayKey(Attendance a) {
        return key("MENTORING#" + a.communityId(), daySk(a.teacherId(), a.date()));
    }

    private static String attendanceSk(Attendance a) {
        return "ATTEND#" + a.activityId() + "#" + a.teacherId();
    }

    private static boolean failed(List<String> codes, int index) {
        return codes.size() > index && "ConditionalCheckFailed".equals(codes.get(index));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private TransactWriteItem guard(int year, Member m) {
        return put(Map.of("PK", s("MENTORINGMEMBER#" + year + "#" + m.teacherId()), "SK", s("GUARD"), "type", s("MENTORINGGUARD"),
                "communityId", s(m.communityId()), "role", s(m.role().name())));
    }

    private static Map<String, AttributeValue> memberItem(Member m) {
        return new HashMap<>(Map.of("PK", s("MENTORING#" + m.communityId()), "SK", s("MEMBER#" + m.teacherId()), "type", s("MENTORINGMEMBER"),
                "role", s(m.role().name()), "newTeachers", n(0), "approvedHours", n(0), "data", s(TrainingTable.toJson(m))));
    }

    private static Community community(Map<String, AttributeValue> i) {
        var c = TrainingTable.fromJson(str(i, "data"), Community.class);
        return new Community(c.id(), c.name(), c.jurisdiction(), c.year(), c.masterTeacherId(), c.masterName(), num(i, "backbones"),
                num(i, "newTeachers"), num(i, "trained"), c.createdBy(), c.createdAt());
    }

    private static Member member(Map<String, AttributeValue> i) {
        var m = TrainingTable.fromJson(str(i, "data"), Member.class);
        return new Member(m.communityId(), m.teacherId(), m.name(), m.county(), m.role(), m.backboneId(), num(i, "newTeachers"),
                num(i, "approvedHours"), m.addedBy(), m.addedAt());
    }
}
