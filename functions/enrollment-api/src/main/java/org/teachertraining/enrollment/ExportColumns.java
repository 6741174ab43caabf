package org.teachertraining.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Money;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.ReportRates;
import org.teachertraining.core.evaluation.JurisdictionResults;
import org.teachertraining.core.funding.Settlement;
import org.teachertraining.core.quota.ListQuotas;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.http.export.Export.Column;

import java.time.Instant;
import java.util.List;

/** The columns of every list a bureau exports, headed in Chinese (English on request), codes named by Labels. */
final class ExportColumns {
    private ExportColumns() {}

    static final List<Column<Enrollment>> ENROLLMENTS = List.of(
            Column.of("教师编号", "Teacher ID", Enrollment::teacherId),
            Column.of("姓名", "Name", Enrollment::teacherName),
            Column.of("行政区划代码", "Jurisdiction", Enrollment::jurisdiction),
            Column.of("名额来源", "Seat from", Enrollment::quotaJurisdiction),
            Column.of("状态", "Status", e -> Labels.of(e.status())),
            Column.of("项目", "Project", Enrollment::projectName),
            Column.of("开班日期", "Start date", e -> e.projectStartDate() == null ? null : e.projectStartDate().toString()),
            Column.of("入选时间", "Selected at", e -> time(e.createdAt())),
            Column.of("退出时间", "Withdrawn at", e -> time(e.withdrawnAt())));

    static final List<Column<ListQuotas.Row>> QUOTAS = List.of(
            Column.of("行政区划代码", "Jurisdiction", ListQuotas.Row::jurisdiction),
            Column.of("单位", "Unit", ListQuotas.Row::name),
            Column.of("名额", "Seats", ListQuotas.Row::seats),
            Column.of("已下达", "Passed on", ListQuotas.Row::allocated),
            Column.of("已使用", "Used", ListQuotas.Row::used),
            Column.of("已入选", "Enrolled", ListQuotas.Row::enrolled),
            Column.of("剩余", "Available", ListQuotas.Row::available));

    static final List<Column<Teacher>> TEACHERS = List.of(
            Column.of("教师编号", "Teacher ID", Teacher::id),
            Column.of("姓名", "Name", Teacher::name),
            Column.of("行政区划代码", "Jurisdiction", Teacher::jurisdiction),
            Column.of("学校代码", "School", Teacher::schoolId),
            Column.of("学段", "Stage", t -> t.stage() == null ? null : Labels.of(t.stage())),
            Column.of("任教学科", "Subjects", t -> String.join("、", t.subjects())),
            Column.of("岗位", "Post", t -> t.role() == null ? null : Labels.of(t.role())),
            Column.of("学校所在地", "School location", t -> t.schoolLocation() == null ? null : Labels.of(t.schoolLocation())),
            Column.of("从教时间", "Teaching since", t -> t.teachingSince() == null ? null : t.teachingSince().toString()),
            Column.of("骨干级别", "Backbone level", t -> t.backboneLevel() == null ? null : Labels.of(t.backboneLevel())));

    static final List<Column<ComplianceRow>> COMPLIANCE = List.of(
            Column.of("教师编号", "Teacher ID", ComplianceRow::teacherId),
            Column.of("姓名", "Name", ComplianceRow::name),
            Column.of("行政区划代码", "Jurisdiction", ComplianceRow::jurisdiction),
            Column.of("学校代码", "School", ComplianceRow::schoolId),
            Column.of("学时要求", "Requirement", ComplianceRow::requirementId),
            Column.of("周期起", "Cycle from", ComplianceRow::cycleFrom),
            Column.of("周期止", "Cycle to", ComplianceRow::cycleTo),
            Column.of("已修学时", "Earned", ComplianceRow::earned),
            Column.of("应修学时", "Required", ComplianceRow::required),
            Column.of("还差学时", "Short by", ComplianceRow::shortBy),
            Column.of("其中各类别还差", "Of which by category", ComplianceRow::categoriesShort));

    static final List<Column<Deliverables.Deliverable>> DELIVERABLES = List.of(
            Column.of("规则", "Rule", Deliverables.Deliverable::rule),
            Column.of("材料", "Deliverable", Deliverables.Deliverable::title),
            Column.of("班次", "Class", Deliverables.Deliverable::classNo),
            Column.of("应交", "Required", Deliverables.Deliverable::required),
            Column.of("已通过", "Accepted", Deliverables.Deliverable::accepted),
            Column.of("截止日期", "Due", d -> d.dueDate() == null ? null : d.dueDate().toString()),
            Column.of("状态", "Status", d -> Labels.of(d.status())));

    static final List<Column<ReportRates.Row>> REPORT_RATES = List.of(
            Column.of("行政区划代码", "Jurisdiction", ReportRates.Row::jurisdiction),
            Column.of("单位", "Unit", ReportRates.Row::name),
            Column.of("名额", "Seats", ReportRates.Row::seats),
            Column.of("入选", "Enrolled", ReportRates.Row::enrolled),
            Column.of("报到", "Registered", ReportRates.Row::registered),
            Column.of("未报到", "No-shows", ReportRates.Row::noShows),
            Column.of("报到率（%）", "Report rate (%)", ReportRates.Row::percent),
            Column.of("名额使用率（%）", "Fill rate (%)", ReportRates.Row::fillPercent));

    static final List<Column<ReportRates.ProjectRow>> YEAR_RATES = List.of(
            Column.of("项目编号", "Code", ReportRates.ProjectRow::code),
            Column.of("项目", "Project", ReportRates.ProjectRow::name),
            Column.of("入选", "Enrolled", ReportRates.ProjectRow::enrolled),
            Column.of("报到", "Registered", ReportRates.ProjectRow::registered),
            Column.of("未报到", "No-shows", ReportRates.ProjectRow::noShows),
            Column.of("报到率（%）", "Report rate (%)", ReportRates.ProjectRow::percent));

    static final List<Column<Settlement.Line>> SETTLEMENT = List.of(
            Column.of("开支项目", "Line", l -> l.name() == null ? l.line() : l.name()),
            Column.of("标准代码", "Standard code", Settlement.Line::line),
            Column.of("计价单位", "Unit", l -> l.unit() == null ? null : Labels.of(l.unit())),
            Column.of("数量", "Quantity", Settlement.Line::quantity),
            Column.of("单价（元）", "Rate (yuan)", l -> Money.yuan(l.rateFen())),
            Column.of("金额（元）", "Amount (yuan)", l -> Money.yuan(l.amountFen())),
            Column.of("说明", "Explanation", Settlement.Line::explanation));

    static final List<Column<JurisdictionResults.Figures>> RESULTS = List.of(
            Column.of("行政区划代码", "Jurisdiction", JurisdictionResults.Figures::jurisdiction),
            Column.of("单位", "Unit", JurisdictionResults.Figures::name),
            Column.of("项目数", "Projects", JurisdictionResults.Figures::projects),
            Column.of("本级名额", "Own seats", JurisdictionResults.Figures::seats),
            Column.of("本级名额入选", "Enrolled in own seats", JurisdictionResults.Figures::enrolledInOwnSeats),
            Column.of("名额使用率（%）", "Fill rate (%)", JurisdictionResults.Figures::fillPercent),
            Column.of("入选", "Enrolled", JurisdictionResults.Figures::enrolled),
            Column.of("报到", "Registered", JurisdictionResults.Figures::registered),
            Column.of("结业", "Completed", JurisdictionResults.Figures::completed),
            Column.of("报到率（%）", "Report rate (%)", JurisdictionResults.Figures::reportPercent),
            Column.of("结业率（%）", "Completion rate (%)", JurisdictionResults.Figures::completionPercent),
            Column.of("应交汇总报告", "Summaries due", JurisdictionResults.Figures::cityReportsDue),
            Column.of("按时提交", "Submitted on time", JurisdictionResults.Figures::cityReportsOnTime),
            Column.of("教师数", "Teachers", JurisdictionResults.Figures::teachers),
            Column.of("学时达标", "Meeting the requirement", JurisdictionResults.Figures::meetingRequirement),
            Column.of("达标率（%）", "Meeting (%)", JurisdictionResults.Figures::meetingPercent));

    /** Beijing time to the second, always with its seconds (LocalDateTime's own text drops ":00", as a sheet row did once a minute). */
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(ChinaTime.ZONE));
    }
}
