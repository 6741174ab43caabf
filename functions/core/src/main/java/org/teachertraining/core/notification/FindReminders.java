package org.teachertraining.core.notification;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.program.CityReports;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quota;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.submission.Deliverables;
import org.teachertraining.core.submission.Submissions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What falls due on a day and who must act (docs/domain.md E2, S2–S4, C3, S6):
 * <ul>
 * <li>the selection cutoff, 7, 3 and 1 day before: each jurisdiction whose quota is not filled, with its numbers;</li>
 * <li>each deliverable, {@value #DAYS_BEFORE_DUE} days before its due date unless accepted, and the day after it once late: the institution;</li>
 * <li>cities' program summaries (S6), 7 and 1 day before their due date and the day after: each city that has not submitted;</li>
 * <li>whatever the further sources find (T1: on 1 July, each unit behind pace in high-end training).</li>
 * </ul>
 * A cancelled project (or one whose application was rejected) has nothing due. The occasion names the day's reason, so
 * the same reminder produced twice is one notification. C3's reminder in a cycle's last year goes out with the compliance
 * rollover ({@link org.teachertraining.core.credit.ComplianceRollover}), a unit's page at a time, not from this one run.
 */
public final class FindReminders {
    static final Set<Integer> CUTOFF_DAYS_BEFORE = Set.of(7, 3, 1);
    static final int DAYS_BEFORE_DUE = 3;

    private final Projects projects;
    private final Quotas quotas;
    private final Submissions submissions;
    private final CityReports cityReports;
    private final JurisdictionTree tree;
    private final List<ReminderSource> more;

    public FindReminders(Projects projects, Quotas quotas, Submissions submissions, CityReports cityReports, JurisdictionTree tree) {
        this(projects, quotas, submissions, cityReports, tree, List.of());
    }

    /** {@code more}: further sources of the day's reminders (the high-end training shares, T1). */
    public FindReminders(Projects projects, Quotas quotas, Submissions submissions, CityReports cityReports, JurisdictionTree tree,
                         List<ReminderSource> more) {
        this.more = List.copyOf(more);
        this.projects = projects;
        this.quotas = quotas;
        this.submissions = submissions;
        this.cityReports = cityReports;
        this.tree = tree;
    }

    public List<Notification> on(LocalDate day, Instant at) {
        var out = new ArrayList<Notification>();
        for (var p : projects.endingOnOrAfter(day.minusDays(Deliverables.AFTER_DAYS + 2))) {
            if (p.cancelledAt() != null) continue;   // it selects no one and will not run: nothing of it falls due
            cutoff(p, day, at, out);
            deliverables(p, day, at, out);
        }
        cityReports(day, at, out);
        for (var source : more) out.addAll(source.on(day, at));
        return out;
    }

    private void cutoff(Project p, LocalDate day, Instant at, List<Notification> out) {
        var cutoff = LocalDate.ofInstant(p.selectionCutoff(), ChinaTime.ZONE);
        long before = java.time.temporal.ChronoUnit.DAYS.between(day, cutoff);
        if (!CUTOFF_DAYS_BEFORE.contains((int) before)) return;
        var all = quotas.ofProject(p.id());
        for (var q : all) {
            if (q.seats() == null) continue;
            int enrolled = Quota.enrolledWithin(q.jurisdiction(), all, tree);
            if (enrolled >= q.seats()) continue;
            int short_ = q.seats() - enrolled;
            out.add(Notification.of(Notification.jurisdiction(q.jurisdiction()), "E2|" + p.id() + "|" + before, "SELECTION_CUTOFF", p.id(),
                    Text.of("遴选截止还有 " + before + " 天：" + p.name(), "Selection closes in " + before + " day(s): " + p.code()),
                    Text.of(p.name() + "（" + p.code() + "）将于 " + cutoff + " 截止遴选。" + tree.nameOf(q.jurisdiction()) + " 名额 " + q.seats()
                                    + "，已报名 " + enrolled + "，尚缺 " + short_ + "。",
                            p.code() + " closes selection on " + cutoff + ". " + q.jurisdiction() + ": " + Text.count(q.seats(), "seat") + ", " + enrolled
                                    + " enrolled, " + short_ + " unfilled."), at));
        }
    }

    private void deliverables(Project p, LocalDate day, Instant at, List<Notification> out) {
        var due = Deliverables.current(p, submissions, quotas, ChinaTime.startOf(day).plusSeconds(8 * 3600));
        for (var d : due) {
            if (d.dueDate() == null) continue;
            String what = d.title().zh() + (d.classNo() == null ? "" : "（第 " + d.classNo() + " 期）");
            String whatEn = d.title().en() + (d.classNo() == null ? "" : " (class " + d.classNo() + ")");
            if (day.equals(d.dueDate().minusDays(DAYS_BEFORE_DUE)) && d.status() != Deliverables.Status.ACCEPTED) {
                out.add(Notification.of(Notification.institution(p.institutionId()), "S|" + p.id() + "|" + d.kind() + "|" + d.classNo() + "|before",
                        "DELIVERABLE_DUE", p.id(), Text.of(what + " 将于 " + d.dueDate() + " 到期", whatEn + " is due on " + d.dueDate()),
                        Text.of(p.name() + "：" + what + " 须于 " + d.dueDate() + " 前提交（" + d.rule() + "），目前 " + d.accepted() + "/" + d.required() + "。",
                                p.code() + ": " + whatEn + " is due by " + d.dueDate() + " (" + d.rule() + "); " + d.accepted() + " of " + d.required() + " in."), at));
            }
            if (day.equals(d.dueDate().plusDays(1)) && d.status() == Deliverables.Status.LATE) {
                out.add(Notification.of(Notification.institution(p.institutionId()), "S|" + p.id() + "|" + d.kind() + "|" + d.classNo() + "|overdue",
                        "DELIVERABLE_OVERDUE", p.id(), Text.of(what + " 已逾期", whatEn + " is overdue"),
                        Text.of(p.name() + "：" + what + " 应于 " + d.dueDate() + " 前提交（" + d.rule() + "），已逾期。",
                                p.code() + ": " + whatEn + " was due by " + d.dueDate() + " (" + d.rule() + ") and is late."), at));
            }
        }
    }

    private void cityReports(LocalDate day, Instant at, List<Notification> out) {
        for (var d : cityReports.dueBetween(day.minusDays(1), day.plusDays(7))) {
            long before = java.time.temporal.ChronoUnit.DAYS.between(day, d.due());
            if (before != 7 && before != 1 && before != -1) continue;
            var submitted = cityReports.submitted(d.programId());
            for (var city : tree.children(d.jurisdiction())) {
                if (submitted.contains(city.code())) continue;
                boolean overdue = before < 0;
                out.add(Notification.of(Notification.jurisdiction(city.code()), "S6|" + d.programId() + "|" + before, overdue ? "PROGRAM_REPORT_OVERDUE" : "PROGRAM_REPORT_DUE",
                        null, Text.of(overdue ? "计划汇总报告已逾期" : "计划汇总报告将于 " + d.due() + " 到期", overdue ? "Program summary overdue" : "Program summary due on " + d.due()),
                        Text.of(d.programName() + "：市级汇总报告" + (overdue ? "应于 " + d.due() + " 前提交，已逾期。" : "须于 " + d.due() + " 前提交。"),
                                d.programName() + ": the city's summary " + (overdue ? "was due by " + d.due() + " and is late." : "is due by " + d.due() + ".")), at));
            }
        }
    }
}
