package org.teachertraining.core.enrollment;

import org.teachertraining.core.common.ChinaTime;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * E4 after the selection. Selection closes before the training (E2: all of a year's trainees by 9/25), so a teacher
 * who becomes a no-show, is dismissed or fails in one project has usually been selected for the year's later ones
 * already. A ban keeps the teacher out of provincial and national projects, so every seat they hold in such a project
 * that has not started, and starts before the ban ends, is released as a withdrawal releases it (E7: the first eligible
 * teacher of the pool's waitlist takes it), and the teacher and their county are told why ({@link SelectionNotice#banned}).
 * The teacher's places on such projects' waitlists are taken off too. Every writer of an integrity record calls it
 * after the write; a retried write releases what is left, and a ban lifted (E4a) releases nothing.
 */
public final class ReleaseBannedSeats {
    private final IntegrityRecords integrity;
    private final Enrollments enrollments;
    private final Projects projects;
    private final Waitlists waitlists;
    private final Supplier<WithdrawEnrollment> withdrawals;
    private final Clock clock;

    /**
     * @param withdrawals asked for only when a seat is to be released: a function that writes records (the lifecycle,
     *                    credit posting) can build the selection's rules then, not at every start
     */
    public ReleaseBannedSeats(IntegrityRecords integrity, Enrollments enrollments, Projects projects, Waitlists waitlists,
                              Supplier<WithdrawEnrollment> withdrawals, Clock clock) {
        this.integrity = integrity;
        this.enrollments = enrollments;
        this.projects = projects;
        this.waitlists = waitlists;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    /**
     * Releases the seats the teacher's ban, if any, keeps them from.
     *
     * @param by what wrote the record ("lifecycle", a completion's or correction's ID), for the promoted seats' record
     */
    public List<WithdrawEnrollment.Withdrawal> of(String teacherId, String by) {
        var banning = integrity.banning(teacherId, ChinaTime.today(clock));
        var ban = banning.stream().max(Comparator.comparing(IntegrityRecord::bannedUntil));
        if (ban.isEmpty()) return List.of();
        // the project a record comes from keeps its seat: its trainee's result is that record
        var recordedIn = banning.stream().map(IntegrityRecord::projectId).collect(Collectors.toSet());
        var now = clock.instant();
        var released = new ArrayList<WithdrawEnrollment.Withdrawal>();
        for (var e : enrollments.ofTeacher(teacherId)) {
            if (e.status() != EnrollmentStatus.SELECTED || recordedIn.contains(e.projectId())
                    || e.projectLevel() != null && !e.projectLevel().isProvincialOrAbove()) continue;   // the level is copied: no read
            var project = barred(e.projectId(), ban.get(), now);
            if (project != null) released.add(withdrawals.get().release(project, e, by, SelectionNotice.banned(project, e, ban.get(), now), now));
        }
        // nor does the teacher wait for such a seat: promotion would pass over them, and the county's list would still show them
        for (var entry : waitlists.ofTeacher(teacherId)) {
            if (!recordedIn.contains(entry.projectId()) && barred(entry.projectId(), ban.get(), now) != null) waitlists.remove(entry);
        }
        return released;
    }

    /**
     * The project, if the ban keeps the teacher from it: provincial or national, not cancelled, not started (the teacher
     * stays in a training already begun), and starting before the ban ends; else null.
     */
    private Project barred(String projectId, IntegrityRecord ban, Instant now) {
        var project = projects.find(projectId).orElse(null);
        if (project == null || !project.level().isProvincialOrAbove() || project.cancelledAt() != null) return null;
        return now.isBefore(ChinaTime.startOf(project.startDate())) && ban.bans(project.startDate()) ? project : null;
    }
}
