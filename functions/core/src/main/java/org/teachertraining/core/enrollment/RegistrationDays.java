package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.submission.ReportedClasses;
import org.teachertraining.core.submission.TrainingClass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * E8: the days registration (报到) is open — the day before a class starts and its first day, China Standard Time — for
 * each class the institution reported (S2); until it reports them, the project is one class over its own dates. Trainees
 * are not assigned to classes, so a trainee registers on the days of any class; who has not registered when the last
 * class's first day ends is a no-show. (Before classes counted, a trainee of a later class was marked a no-show, and
 * banned, at the first class's start.)
 *
 * @param starts the classes' first days, distinct and in order
 */
public record RegistrationDays(List<LocalDate> starts) {

    /** A class's window: from 00:00 the day before it starts until 24:00 on its first day. */
    public record Window(Instant opens, Instant closes) {}

    public RegistrationDays {
        starts = List.copyOf(starts);
        if (starts.isEmpty()) throw new IllegalArgumentException("a project has at least one class");
    }

    public static RegistrationDays of(Project p, Optional<ReportedClasses> reported) {
        var starts = reported.map(ReportedClasses::classes).orElse(List.of()).stream().map(TrainingClass::startDate).distinct().sorted().toList();
        return new RegistrationDays(starts.isEmpty() ? List.of(p.startDate()) : starts);
    }

    public List<Window> windows() {
        return starts.stream().map(d -> new Window(ChinaTime.startOf(d.minusDays(1)), ChinaTime.startOf(d.plusDays(1)))).toList();
    }

    public boolean openAt(Instant at) {
        return windows().stream().anyMatch(w -> !at.isBefore(w.opens()) && at.isBefore(w.closes()));
    }

    /** When the last class's first day ends: from then on, a trainee not registered is a no-show. */
    public Instant closes() {
        return windows().getLast().closes();
    }
}
