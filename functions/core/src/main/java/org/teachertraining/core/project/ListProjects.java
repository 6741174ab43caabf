package org.teachertraining.core.project;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.lifecycle.Lifecycles;
import org.teachertraining.core.lifecycle.ProjectLifecycle;
import org.teachertraining.core.program.Programs;

import java.util.List;

/**
 * A program's projects, optionally only those of one category (乡村教师 …), run by one institution, or at
 * one phase of their lifecycle ({@code NONE} for a project that has not applied yet). Readable by every
 * signed-in caller, as a program is.
 */
public final class ListProjects {
    /** {@code phase}: a lifecycle phase's name, or {@value #NOT_APPLIED}. */
    public record Query(String category, String institutionId, String phase) {}

    /** A project with the phase its lifecycle is at ({@value #NOT_APPLIED} before its application). */
    public record Listed(Project project, String phase) {}

    public static final String NOT_APPLIED = "NONE";

    private final Programs programs;
    private final Projects projects;
    private final Lifecycles lifecycles;

    public ListProjects(Programs programs, Projects projects, Lifecycles lifecycles) {
        this.programs = programs;
        this.projects = projects;
        this.lifecycles = lifecycles;
    }

    public Outcome<List<Listed>> execute(String programId, Query q) {
        if (q.phase() != null && !q.phase().equals(NOT_APPLIED) && java.util.Arrays.stream(ProjectLifecycle.Phase.values()).noneMatch(p -> p.name().equals(q.phase()))) {
            var allowed = org.teachertraining.core.common.Labels.choices(ProjectLifecycle.Phase.class);
            var codes = new java.util.ArrayList<>(List.of(NOT_APPLIED));
            codes.addAll(org.teachertraining.core.common.Labels.codes(ProjectLifecycle.Phase.class));
            return Outcome.refused(new Violations().add("phase", org.teachertraining.core.common.Text.of("未知的阶段，可选：未申报、" + allowed.zh(),
                    "unknown phase; allowed: " + NOT_APPLIED + ", " + allowed.en()), codes).refusal());
        }
        if (programs.find(programId).isEmpty()) return Outcome.refused(NotFound.program(programId));
        return Outcome.done(projects.ofProgram(programId).stream()
                .filter(p -> q.category() == null || q.category().equals(p.category()))
                .filter(p -> q.institutionId() == null || q.institutionId().equals(p.institutionId()))
                .map(p -> new Listed(p, lifecycles.find(p.id()).map(lc -> lc.phase().name()).orElse(NOT_APPLIED)))
                .filter(l -> q.phase() == null || q.phase().equals(l.phase()))
                .toList());
    }
}
