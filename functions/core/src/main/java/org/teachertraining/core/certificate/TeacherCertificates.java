package org.teachertraining.core.certificate;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.Teachers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A teacher's completion certificates (C6), each with a short-lived link to its PDF: for the teacher, and for
 * the admins whose subtree holds the teacher (as the transcript).
 */
public final class TeacherCertificates {
    /** Port: the certificates issued to a teacher. */
    public interface Issued {
        List<Certificate> ofTeacher(String teacherId);
    }

    /** Port: a link to download a certificate's PDF, valid for a short while. */
    public interface Downloads {
        Download of(String code);
    }

    public record Download(String url, Instant expiresAt) {}

    public record Item(Certificate certificate, Download download) {}

    private final Teachers teachers;
    private final Issued issued;
    private final Downloads downloads;
    private final Access access;

    public TeacherCertificates(Teachers teachers, Issued issued, Downloads downloads, Access access) {
        this.teachers = teachers;
        this.issued = issued;
        this.downloads = downloads;
        this.access = access;
    }

    public Outcome<List<Item>> of(Caller caller, String teacherId) {
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        boolean self = caller.role() == Role.TEACHER && teacherId.equals(caller.teacherId());
        if (!self) {
            var denied = access.require(caller, teacher.get().unit(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.SCHOOL_ADMIN);
            if (denied.isPresent()) return Outcome.refused(denied.get());
        }
        return Outcome.done(issued.ofTeacher(teacherId).stream()
                .sorted(Comparator.comparing(Certificate::issuedOn).reversed().thenComparing(Certificate::code))
                .map(c -> new Item(c, downloads.of(c.code()))).toList());
    }
}
