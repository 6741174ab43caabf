package org.teachertraining.core.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: teachers' applications and whether a project takes them. Status changes are conditional writes. */
public interface TeacherApplications {
    void setOpen(String projectId, boolean open);

    boolean isOpen(String projectId);

    /** Stores a new application; false, and nothing stored, if the teacher applied to this project before. */
    boolean add(TeacherApplication application);

    Optional<TeacherApplication> find(String projectId, String teacherId);

    /** Replaces the application with {@code next} only if its status is one of {@code from}; false otherwise. */
    boolean move(TeacherApplication next, Set<TeacherApplication.Status> from);

    /**
     * {@link #move} of each, in as few writes as the store allows (a project's cancellation declines all its pending
     * applications in one request); answers how many moved.
     */
    default int moveAll(List<TeacherApplication> next, Set<TeacherApplication.Status> from) {
        int moved = 0;
        for (var a : next) if (move(a, from)) moved++;
        return moved;
    }

    List<TeacherApplication> ofProject(String projectId);

    List<TeacherApplication> ofTeacher(String teacherId);
}
