package org.teachertraining.core.submission;

import org.teachertraining.core.common.Text;

import java.util.EnumSet;
import java.util.Set;

import static org.teachertraining.core.submission.FileType.*;

/**
 * What an institution submits for a project: the deliverables it owes the province (docs/domain.md S1–S4) and
 * the receipts behind its spending (F2), with the rule each comes from, whether it is owed per class, the
 * file types it may be and its size limit.
 */
public enum SubmissionKind {
    APPLICATION("S1", false, Text.of("项目申报书（盖章 PDF）", "Application (sealed PDF)"), EnumSet.of(PDF), 50),
    CLASS_DATES("S2", false, Text.of("开班时间", "Class start dates"), EnumSet.noneOf(FileType.class), 0),
    REGISTRATION_NOTICE("S2", true, Text.of("报到通知书", "Registration notice"), EnumSet.of(PDF, DOCX, JPEG, PNG), 20),
    COURSE_SCHEDULE("S2", true, Text.of("培训课程表", "Course schedule"), EnumSet.of(PDF, DOCX, XLSX), 20),
    WORK_BRIEF("S3", false, Text.of("工作简报", "Work brief"), EnumSet.of(PDF, DOCX), 50),
    SELF_EVALUATION("S4", false, Text.of("项目实施绩效自评报告", "Performance self-evaluation report"), EnumSet.of(PDF, DOCX), 50),
    COURSE_RESOURCE("S4", false, Text.of("培训类精品课程资源", "Quality course resource"), EnumSet.of(MP4, PPTX, PDF, ZIP), 2048),
    CASE_COLLECTION("S4", false, Text.of("教师成长研究案例集", "Teacher-growth case collection"), EnumSet.of(PDF, DOCX, ZIP), 200),
    PUBLICITY("S4", false, Text.of("宣传材料汇编", "Publicity materials"), EnumSet.of(PDF, DOCX, ZIP, JPEG, PNG, MP4), 1024),
    /** Not a deliverable: the receipt (发票/收据) an expense refers to. */
    RECEIPT("F2", false, Text.of("报销票据", "Receipt"), EnumSet.of(PDF, JPEG, PNG), 20);

    private final String rule;
    private final boolean perClass;
    private final Text title;
    private final Set<FileType> fileTypes;
    private final long maxBytes;

    SubmissionKind(String rule, boolean perClass, Text title, Set<FileType> fileTypes, int maxMegabytes) {
        this.rule = rule;
        this.perClass = perClass;
        this.title = title;
        this.fileTypes = fileTypes;
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    public String rule() { return rule; }
    public boolean perClass() { return perClass; }
    public Text title() { return title; }
    public Set<FileType> fileTypes() { return fileTypes; }
    public long maxBytes() { return maxBytes; }
    /** Class dates are reported as data ({@code PUT /projects/{id}/classes}), never as a file. */
    public boolean uploadable() { return !fileTypes.isEmpty(); }
}
