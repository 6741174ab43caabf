package org.teachertraining.core.common;

import org.teachertraining.core.application.TeacherApplication;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.Requirement;
import org.teachertraining.core.credit.SchoolBasedHours;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.funding.Budget;
import org.teachertraining.core.funding.BudgetCategory;
import org.teachertraining.core.funding.BudgetCheck;
import org.teachertraining.core.funding.CheckTrainingBudget;
import org.teachertraining.core.funding.StandardUnit;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.Recourse;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.program.ProgramLevel;
import org.teachertraining.core.project.PhaseKind;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.Submission;
import org.teachertraining.core.submission.SubmissionKind;
import org.teachertraining.core.teacher.BackboneLevel;
import org.teachertraining.core.teacher.SchoolLocation;
import org.teachertraining.core.teacher.Stage;
import org.teachertraining.core.teacher.TeacherRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of what every code of the platform is called, in Chinese and English: roles, statuses,
 * levels, categories, phases, lifecycle states. The API's messages name things through it, and
 * {@code GET /labels} hands the same table to the console, so a code never shows up in a Chinese sentence.
 * Every constant of every enumeration listed here must have its label ({@code LabelsTest}).
 */
public final class Labels {
    private static final Map<String, Map<String, Text>> TABLE = new LinkedHashMap<>();

    static {
        put(Role.class, "PROVINCE_ADMIN", "省级教育行政部门", "Province admin", "CITY_ADMIN", "市级教育行政部门", "City admin",
                "COUNTY_ADMIN", "县级教育行政部门", "County admin", "SCHOOL_ADMIN", "学校管理员", "School admin",
                "INSTITUTION", "承训机构", "Training institution", "TEACHER", "教师", "Teacher", "EXPERT", "评审专家", "Expert");
        put(EnrollmentStatus.class, "SELECTED", "已入选", "Selected", "REGISTERED", "已报到", "Registered", "COMPLETED", "已结业", "Completed",
                "FAILED", "未通过", "Failed", "DISMISSED", "劝退", "Dismissed", "NO_SHOW", "未报到", "No-show", "WITHDRAWN", "已退出", "Withdrawn");
        put(Stage.class, "KINDERGARTEN", "幼儿园", "Kindergarten", "PRIMARY", "小学", "Primary", "JUNIOR", "初中", "Junior secondary",
                "SENIOR", "高中", "Senior secondary");
        put(SchoolLocation.class, "RURAL", "乡村", "Rural", "TOWN", "乡镇", "Town", "URBAN", "城区", "Urban");
        put(TeacherRole.class, "TEACHER", "教师", "Teacher", "PRINCIPAL", "校（园）长", "Principal", "HEAD_TEACHER", "班主任", "Head teacher",
                "CHIEF_TEACHER", "乡村首席教师", "Rural chief teacher", "LIFE_TEACHER", "寄宿制学校生活指导教师", "Boarding-school life teacher",
                "PSYCHOLOGY_TEACHER", "心理健康教育教师", "Mental-health teacher", "MORAL_EDUCATION_TEACHER", "道德与法治教师", "Morality and law teacher");
        put(BackboneLevel.class, "SCHOOL", "校级骨干", "School backbone", "COUNTY", "县级骨干", "County backbone",
                "CITY", "市级骨干", "City backbone", "PROVINCIAL", "省级骨干", "Provincial backbone", "NATIONAL", "国家级骨干", "National backbone");
        put(ProgramLevel.class, "NATIONAL", "国家级", "National", "PROVINCIAL", "省级", "Provincial", "CITY", "市级", "City",
                "COUNTY", "县级", "County", "SCHOOL", "校级", "School");
        put(Jurisdiction.Level.class, "PROVINCE", "省", "Province", "CITY", "市", "City", "COUNTY", "县（区）", "County", "SCHOOL", "学校", "School");
        put(PhaseKind.class, "DIAGNOSIS", "能力诊断", "Diagnosis", "CENTRALIZED", "集中培训", "Centralized training",
                "SHADOWING", "跟岗研修", "Shadowing", "SCHOOL_VISIT", "名校访学", "School visit", "RETURN_PRACTICE", "返岗实践", "Return practice",
                "ONLINE", "网络研修", "Online learning");
        put(CreditCategory.class, "CENTRALIZED", "集中培训", "Centralized training", "ONLINE", "网络研修", "Online learning",
                "SCHOOL_BASED", "校本研修", "School-based", "SHADOWING", "跟岗研修", "Shadowing", "PRACTICE", "返岗实践", "Practice");
        put(Requirement.AppliesTo.class, "ALL", "全体教师", "All teachers", "NEW_TEACHERS", "新任教师", "New teachers", "HEAD_TEACHERS", "班主任", "Head teachers");
        put(org.teachertraining.core.mentoring.Mentoring.MemberRole.class, "MASTER", "名师", "Master teacher", "BACKBONE", "骨干教师", "Backbone trainee",
                "NEW_TEACHER", "新入职教师", "New teacher");
        put(org.teachertraining.core.mentoring.Mentoring.Status.class, "PENDING", "待审核", "Pending", "APPROVED", "已认定", "Approved", "REJECTED", "未认定", "Rejected");
        put(Completion.Outcome.class, "PASSED", "合格", "Passed", "FAILED", "不合格", "Failed", "DISMISSED", "劝退", "Dismissed", "NO_SHOW", "未参训", "No-show");
        put(SchoolBasedHours.Status.class, "PENDING", "待审核", "Pending", "APPROVED", "已认定", "Approved", "REJECTED", "未认定", "Rejected");
        put(TeacherApplication.Status.class, "PENDING", "待审核", "Pending", "APPROVING", "审核中", "Being approved", "APPROVED", "已同意", "Approved",
                "DECLINED", "未同意", "Declined");
        put(IntegrityRecord.Kind.class, "NO_SHOW", "无故未参训", "No-show", "DISMISSED", "被劝退", "Dismissed", "FAILED", "结业考核不合格", "Failed the assessment");
        put(Recourse.Status.class, "EXCUSED", "已由县区认定有正当理由", "Excused by the county", "APPEALED", "申诉待省级决定", "Appealed to the province",
                "LIFTED", "已撤销", "Lifted", "KEPT", "维持", "Kept");
        put(BudgetCategory.class, "ACCOMMODATION", "住宿费", "Accommodation", "MEALS", "伙食费", "Meals", "VENUE", "场地费", "Venue",
                "LECTURERS", "讲课费（师资费）", "Lecturers", "MATERIALS", "资料费", "Materials", "TRANSPORT", "交通费", "Transport",
                "MANAGEMENT", "组织管理费", "Management", "ONLINE_PLATFORM", "网络研修费", "Online platform", "OTHER", "其他", "Other");
        put(StandardUnit.class, "PER_PERSON_DAY", "元/人/天", "yuan per trainee per day", "PER_PERSON_HOUR", "元/人/学时", "yuan per trainee per hour",
                "PER_PERSON", "元/人", "yuan per trainee", "PER_CLASS", "元/班", "yuan per class");
        put(Budget.Status.class, "SUBMITTED", "已提交", "Submitted", "APPROVED", "已批准", "Approved", "SETTLED", "已结算", "Settled");
        put(BudgetCheck.Kind.class, "WITHIN", "符合标准", "Within the standard", "OVER", "超出标准", "Over the standard",
                "NOT_COVERED", "不在开支范围内", "Not covered", "MISSING_JUSTIFICATION", "缺少说明", "Justification missing");
        put(CheckTrainingBudget.Level.class, "JURISDICTION", "行政区域", "Jurisdiction", "SCHOOL", "学校", "School");
        put(CheckTrainingBudget.Status.class, "BELOW_MINIMUM", "低于下限", "Below the minimum", "WITHIN_RANGE", "在区间内", "Within the range",
                "ABOVE_RANGE", "高于区间", "Above the range", "MEETS_MINIMUM", "达到下限", "Meets the minimum");
        put(FileType.class, "PDF", "PDF 文件", "PDF", "DOCX", "Word 文档", "Word document", "XLSX", "Excel 表格", "Excel workbook",
                "PPTX", "PowerPoint 演示文稿", "PowerPoint", "ZIP", "ZIP 压缩包", "ZIP archive", "MP4", "MP4 视频", "MP4 video",
                "JPEG", "JPEG 图片", "JPEG image", "PNG", "PNG 图片", "PNG image");
        put(Submission.Status.class, "AWAITING_UPLOAD", "待上传", "Awaiting upload", "ACCEPTED", "已通过", "Accepted", "REJECTED", "未通过", "Rejected");
        put(Deliverables.Status.class, "MISSING", "未提交", "Missing", "SUBMITTED", "已提交待检查", "Submitted", "ACCEPTED", "已通过", "Accepted",
                "REJECTED", "未通过", "Rejected", "LATE", "逾期", "Late");
        var kinds = new LinkedHashMap<String, Text>();
        for (var k : SubmissionKind.values()) kinds.put(k.name(), k.title());
        TABLE.put(SubmissionKind.class.getSimpleName(), Map.copyOf(kinds));
        put(Recourse.Action.class, "EXCUSE", "县区认定正当理由", "Excuse", "APPEAL", "教师申诉", "Appeal", "DECISION", "省级决定", "Decision");
        put(ProjectLifecycle.Phase.class, "APPLIED", "已申报", "Applied", "AWAITING_APPROVAL", "待省级审批", "Awaiting approval",
                "SELECTION_OPEN", "遴选中", "Selection open", "SELECTION_CLOSED", "遴选已截止", "Selection closed",
                "PRE_START_CHECKED", "开班前检查完成", "Pre-start checked", "AWAITING_COMPLETION", "待结业考核", "Awaiting completion",
                "CREDITS_POSTED", "学时已登记", "Credits posted", "DELIVERABLES_WINDOW", "待提交成果材料", "Deliverables window",
                "EVALUATED", "已评估", "Evaluated", "CLOSED", "已结项", "Closed", "REJECTED", "未获批准", "Rejected", "CANCELLED", "已取消", "Cancelled");
        put(org.teachertraining.core.evaluation.PerformanceCriterion.class, "EXPERT_SUPERVISION", "专家过程视导评价", "Expert process supervision",
                "TRAINEE_RATINGS", "学员网络匿名评价", "Anonymous trainee ratings", "DELIVERABLES", "培训成果质量评价（按时验收）", "Deliverables accepted on time",
                "STAKEHOLDER_RATINGS", "相关利益群体评价", "Stakeholder ratings", "QUOTA_FILL", "名额完成率", "Quota fill rate",
                "REPORT_RATE", "报到率", "Report rate", "COMPLETION_RATE", "结业率", "Completion rate");
        put(org.teachertraining.core.evaluation.InstitutionPerformance.Status.class, "PROVISIONAL", "暂定（未确认）", "Provisional", "CONFIRMED", "已确认", "Confirmed");
    }

    private Labels() {}

    private static void put(Class<? extends Enum<?>> type, String... codeZhEn) {
        var labels = new LinkedHashMap<String, Text>();
        for (int i = 0; i < codeZhEn.length; i += 3) labels.put(codeZhEn[i], Text.of(codeZhEn[i + 1], codeZhEn[i + 2]));
        TABLE.put(typeName(type), java.util.Collections.unmodifiableMap(labels));
    }

    /** The name of a code, e.g. 已入选 for {@code SELECTED}. */
    public static Text of(Enum<?> value) {
        var labels = TABLE.get(typeName(value.getDeclaringClass()));
        var label = labels == null ? null : labels.get(value.name());
        if (label == null) throw new IllegalStateException("no label for " + value.getDeclaringClass().getName() + "." + value.name());
        return label;
    }

    public static String zh(Enum<?> value) {
        return of(value).zh();
    }

    /** Names joined with the Chinese enumeration comma (、) and the English comma. */
    public static Text list(java.util.Collection<? extends Enum<?>> values) {
        return Text.of(String.join("、", values.stream().map(Labels::zh).toList()),
                String.join(", ", values.stream().map(v -> of(v).en()).toList()));
    }

    /**
     * The choices of {@code type}, for a message that lists them: in Chinese by their names, {@code 小学、初中}, never a
     * code inside a Chinese sentence; in English by their codes, which is what a client sends (a problem's field error
     * carries them too, as {@code allowed}: {@link Violations#notOneOf}). A type without names in the table (none, as
     * {@code LabelsTest} holds) would show its codes.
     */
    public static Text choices(Class<?> type) {
        var labels = TABLE.getOrDefault(typeName(type), Map.of());
        var codes = codes(type);
        return Text.of(String.join("、", codes.stream().map(c -> labels.containsKey(c) ? labels.get(c).zh() : c).toList()), String.join(", ", codes));
    }

    /** The codes of an enum type, in declaration order. */
    public static List<String> codes(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** The whole table, keyed by type ({@code Role}, {@code Submission.Status}, ...), then by code. */
    public static Map<String, Map<String, Text>> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    /** Every code of the table (for tests that look for codes in Chinese text). */
    public static Set<String> codes() {
        var codes = new TreeSet<String>();
        TABLE.values().forEach(m -> codes.addAll(m.keySet()));
        return codes;
    }

    /**
     * The codes of the table that stand in a Chinese text as words, with or without their names beside them. File
     * formats (PDF, DOCX, ...) are names in Chinese too and are not looked for. Empty when the text reads as Chinese.
     */
    public static List<String> codesIn(String zh) {
        if (zh == null) return List.of();
        var found = new ArrayList<String>();
        var m = WORD.matcher(zh);
        while (m.find()) {
            if (CODES.contains(m.group())) found.add(m.group());
        }
        return found;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]+(?![A-Za-z0-9_])");
    private static final Set<String> CODES = codesOutside(FileType.class);

    private static Set<String> codesOutside(Class<?> formats) {
        var codes = codes();
        TABLE.get(typeName(formats)).keySet().forEach(codes::remove);
        return java.util.Collections.unmodifiableSet(codes);
    }

    static String typeName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }
}
