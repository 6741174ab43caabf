package org.teachertraining.core.enrollment;

import java.util.List;

/**
 * A teacher's enrollments in national projects (every status), as E5's caps read them, and how many national bookings
 * the teacher's record counted at that read. A booking or promotion made on this read is written only if no national
 * seat was booked for the teacher since ({@link Enrollments#book}, {@link Waitlists#promote}): two enrollments of one
 * teacher into national projects at once cannot both pass a cap of one.
 *
 * @param enrollments the teacher's enrollments in national projects, read consistently
 * @param bookings    the national bookings counted for the teacher when read (0: none ever)
 */
public record NationalSeats(List<Enrollment> enrollments, long bookings) {
    public NationalSeats {
        enrollments = List.copyOf(enrollments);
    }
}
