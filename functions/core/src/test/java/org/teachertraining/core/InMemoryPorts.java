package org.teachertraining.core;

import org.teachertraining.core.common.Page;
import org.teachertraining.core.credit.ComplianceAggregates;
import org.teachertraining.core.credit.ComplianceRow;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.funding.Attendance;
import org.teachertraining.core.funding.Budget;
import org.teachertraining.core.funding.Expense;
import org.teachertraining.core.funding.Funding;
import org.teachertraining.core.funding.ProgramStandards;
import org.teachertraining.core.funding.Settlement;
import org.teachertraining.core.submission.ReportedClasses;
import org.teachertraining.core.submission.Submission;
import org.teachertraining.core.submission.Submissions;
import org.teachertraining.core.submission.UploadUrls;
import org.teachertraining.core.enrollment.Enrollment;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.enrollment.Enrollments;
import org.teachertraining.core.enrollment.IdempotencyRecord;
import org.teachertraining.core.enrollment.TrainingHours;
import org.teachertraining.core.integrity.IntegrityRecord;
import org.teachertraining.core.integrity.IntegrityRecords;
import org.teachertraining.core.program.Program;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.Project;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.Quota;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.teacher.Teacher;
import org.teachertraining.core.teacher.Teachers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory ports for unit tests of the use cases: the DynamoDB adapters' contracts, under one lock. */
public final class InMemoryPorts {
    private final Object lock = new Object();
    private final Map<String, Program> programMap = new HashMap<>();
    private final Map<String, Project> projectMap = new HashMap<>();
    private final Map<String, Quota> quotaMap = new TreeMap<>();
    private final java.util.Set<String> closedProjects = new java.util.HashSet<>();   // Quotas#close

    /** E4 checked in the booking itself, as the stored adapters check it (their ban mark): a ban in force on the booking's day. */
    private boolean banned(String teacherId, org.teachertraining.core.program.ProgramLevel level, Instant at) {
        return level != null && level.isProvincialOrAbove()
                && !integrity.banning(teacherId, at.atZone(org.teachertraining.core.common.ChinaTime.ZONE).toLocalDate()).isEmpty();
    }
    private final Map<String, Teacher> teacherMap = new HashMap<>();
    /** Teacher IDs by their upper case: who holds each (Teachers.save refuses another case of one held). */
    private final Map<String, String> teacherIds = new HashMap<>();
    private final Map<String, Enrollment> enrollmentMap = new TreeMap<>();
    private final Map<String, IdempotencyRecord> keyMap = new HashMap<>();
    private final List<IntegrityRecord> integrityList = new ArrayList<>();
    public final Map<String, Integer> hoursByTeacherAndYear = new HashMap<>();

    public final Programs programs = new Programs() {
        public boolean add(Program p) { synchronized (lock) { return programMap.putIfAbsent(p.id(), p) == null; } }
        public Optional<Program> find(String id) { synchronized (lock) { return Optional.ofNullable(programMap.get(id)); } }
        public org.teachertraining.core.common.Page<Program> ofYear(int year, org.teachertraining.core.program.ProgramLevel level,
                                                                     java.util.Set<String> owners, String cursor, int limit) {
            synchronized (lock) {
                var sorted = programMap.values().stream().filter(p -> p.year() == year && (level == null || p.level() == level))
                        .sorted(java.util.Comparator.comparing(p -> p.level() + "#" + p.jurisdiction() + "#" + p.id())).toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                var page = sorted.subList(Math.min(from, sorted.size()), Math.min(from + limit, sorted.size()));
                String next = from + limit < sorted.size() ? Integer.toString(from + limit) : null;
                return new org.teachertraining.core.common.Page<>(page.stream().filter(p -> owners == null || owners.contains(p.jurisdiction())).toList(), next);
            }
        }
    };

    public final Projects projects = new Projects() {
        public boolean add(Project p) {
            synchronized (lock) {
                if (projectMap.values().stream().anyMatch(o -> o.programId().equals(p.programId()) && o.code().equalsIgnoreCase(p.code()))) return false;
                projectMap.put(p.id(), p);
                quotaMap.put(p.id() + "/" + p.ownerJurisdiction(), new Quota(p.id(), p.ownerJurisdiction(), p.seats(), 0, 0));
                return true;
            }
        }
        public Optional<Project> find(String id) { synchronized (lock) { return Optional.ofNullable(projectMap.get(id)); } }
        public void markCancelled(String id, Instant at) {
            synchronized (lock) { projectMap.computeIfPresent(id, (k, p) -> p.cancelledAt() == null ? p.cancelled(at) : p); }
        }
        public List<Project> ofProgram(String programId) {
            synchronized (lock) { return projectMap.values().stream().filter(p -> p.programId().equals(programId)).toList(); }
        }
        public List<Project> endingOnOrAfter(java.time.LocalDate day) {
            synchronized (lock) { return projectMap.values().stream().filter(p -> !p.endDate().isBefore(day)).toList(); }
        }
    };

    public final Quotas quotas = new Quotas() {
        public List<Quota> ofProject(String projectId) {
            synchronized (lock) { return quotaMap.values().stream().filter(q -> q.projectId().equals(projectId)).toList(); }
        }
        public Optional<Quota> find(String projectId, String j) { synchronized (lock) { return Optional.ofNullable(quotaMap.get(projectId + "/" + j)); } }
        public void close(String projectId, Instant at) { synchronized (lock) { closedProjects.add(projectId); } }
        public Allocation allocate(String projectId, String parent, String child, int seats) {
            synchronized (lock) {
                var p = quotaMap.get(projectId + "/" + parent);
                if (p == null) return new Allocation.NoParentPool();
                if (closedProjects.contains(projectId)) return new Allocation.PoolClosed();
                var c = quotaMap.get(projectId + "/" + child);
                int old = c == null ? 0 : c.seats();
                if (c != null && seats < c.allocated() + c.used()) return new Allocation.BelowUsed(c.allocated() + c.used());
                int delta = seats - old;
                if (delta > 0 && p.free() < delta) return new Allocation.ParentShort(p.free());
                quotaMap.put(projectId + "/" + parent, new Quota(projectId, parent, p.seats(), p.allocated() + delta, p.used()));
                var updated = new Quota(projectId, child, seats, c == null ? 0 : c.allocated(), c == null ? 0 : c.used());
                quotaMap.put(projectId + "/" + child, updated);
                return new Allocation.Allocated(updated);
            }
        }
    };

    public final Teachers teachers = new Teachers() {
        public boolean save(Teacher t, boolean registered) {
            synchronized (lock) {
                String owner = teacherIds.putIfAbsent(t.id().toUpperCase(java.util.Locale.ROOT), t.id());
                if (owner != null && !owner.equals(t.id()) && !teacherMap.containsKey(t.id())) throw new org.teachertraining.core.common.IdOfAnother(owner);
                return teacherMap.put(t.id(), t) == null;
            }
        }
        public Optional<Teacher> find(String id) { synchronized (lock) { return Optional.ofNullable(teacherMap.get(id)); } }
        public Optional<String> registeredAs(String id) {
            synchronized (lock) { return Optional.ofNullable(teacherIds.get(id.toUpperCase(java.util.Locale.ROOT))).filter(r -> !r.equals(id)); }
        }
        public int countRegisteredAt(String unit) {
            synchronized (lock) { return (int) teacherMap.values().stream().filter(t -> t.jurisdiction().equals(unit)).count(); }
        }
        public org.teachertraining.core.common.Page<Teacher> registeredAt(String unit, String cursor, int limit,
                                                                      java.util.function.Predicate<Teacher> matching, int examineAtMost) {
            synchronized (lock) {
                var after = teacherMap.values().stream().filter(t -> t.jurisdiction().equals(unit)).sorted(Comparator.comparing(Teacher::id))
                        .filter(t -> cursor == null || t.id().compareTo(cursor) > 0).toList();
                var page = new ArrayList<Teacher>();
                for (int i = 0; i < after.size(); i++) {
                    if (i == examineAtMost) return new org.teachertraining.core.common.Page<>(page, after.get(i - 1).id());
                    if (matching.test(after.get(i)) && page.add(after.get(i)) && page.size() == limit) {
                        return new org.teachertraining.core.common.Page<>(page, i == after.size() - 1 ? null : after.get(i).id());
                    }
                }
                return new org.teachertraining.core.common.Page<>(page, null);
            }
        }
    };

    public final Enrollments enrollments = new Enrollments() {
        public Optional<Enrollment> find(String projectId, String teacherId) {
            synchronized (lock) { return Optional.ofNullable(enrollmentMap.get(projectId + "/" + teacherId)); }
        }
        public Optional<IdempotencyRecord> findKey(String projectId, String userId, String key) {
            synchronized (lock) { return Optional.ofNullable(keyMap.get(projectId + "/" + userId + "/" + key)); }
        }
        public Booking book(Enrollment e, IdempotencyRecord key, org.teachertraining.core.notification.Notification notice,
                            org.teachertraining.core.enrollment.WaitlistEntry leaving, org.teachertraining.core.enrollment.NationalSeats national) {
            synchronized (lock) {
                if (key != null && keyMap.containsKey(e.projectId() + "/" + key.userId() + "/" + key.key())) return new Booking.KeyTaken(keyMap.get(e.projectId() + "/" + key.userId() + "/" + key.key()));
                var existing = enrollmentMap.get(e.projectId() + "/" + e.teacherId());
                if (existing != null && existing.status().holdsSeat()) return new Booking.AlreadyEnrolled(existing);
                if (banned(e.teacherId(), e.projectLevel(), e.createdAt())) return new Booking.Banned();
                if (!nationalBookingCounted(e, national)) return new Booking.NationalSeatsChanged();
                var pool = quotaMap.get(e.projectId() + "/" + e.quotaJurisdiction());
                if (pool == null || pool.free() <= 0 || closedProjects.contains(e.projectId())) return new Booking.PoolFull();
                quotaMap.put(e.projectId() + "/" + e.quotaJurisdiction(), new Quota(pool.projectId(), pool.jurisdiction(), pool.seats(), pool.allocated(), pool.used() + 1));
                enrollmentMap.put(e.projectId() + "/" + e.teacherId(), e);
                if (key != null) keyMap.put(e.projectId() + "/" + key.userId() + "/" + key.key(), key);
                if (notice != null) notices.add(notice);
                if (leaving != null) waitlists.remove(leaving);
                return new Booking.Booked(e);
            }
        }
        public Optional<Enrollment> move(Enrollment e, EnrollmentStatus from, EnrollmentStatus to, String by, Instant at) {
            synchronized (lock) {
                var current = enrollmentMap.get(e.projectId() + "/" + e.teacherId());
                if (current == null || current.status() != from || !current.id().equals(e.id())) return Optional.empty();
                enrollmentMap.put(e.projectId() + "/" + e.teacherId(), current.in(to));
                return Optional.of(current.in(to));
            }
        }
        public Optional<Enrollment> withdraw(Enrollment e, Instant at, List<org.teachertraining.core.notification.Notification> told) {
            synchronized (lock) {
                var current = enrollmentMap.get(e.projectId() + "/" + e.teacherId());
                if (current == null || current.status() != EnrollmentStatus.SELECTED) return Optional.empty();
                var pool = quotaMap.get(e.projectId() + "/" + e.quotaJurisdiction());
                quotaMap.put(e.projectId() + "/" + e.quotaJurisdiction(), new Quota(pool.projectId(), pool.jurisdiction(), pool.seats(), pool.allocated(), pool.used() - 1));
                var withdrawn = current.withdrawn(at);
                enrollmentMap.put(e.projectId() + "/" + e.teacherId(), withdrawn);
                notices.addAll(told);
                return Optional.of(withdrawn);
            }
        }
        public Page<Enrollment> ofProject(String projectId, String prefix, EnrollmentStatus status, String cursor, int limit) {
            synchronized (lock) {
                var all = enrollmentMap.values().stream().filter(e -> e.projectId().equals(projectId) && e.unit().startsWith(prefix)
                                && (status == null || e.status() == status))
                        .sorted(Comparator.comparing(e -> e.unit() + "#" + e.teacherId())).toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(all.size(), from + limit);
                return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
            }
        }
        public List<Enrollment> ofTeacher(String teacherId) {
            synchronized (lock) { return enrollmentMap.values().stream().filter(e -> e.teacherId().equals(teacherId)).toList(); }
        }
        public org.teachertraining.core.enrollment.NationalSeats nationalSeats(String teacherId) {
            synchronized (lock) {
                return new org.teachertraining.core.enrollment.NationalSeats(ofTeacher(teacherId).stream()
                        .filter(e -> e.projectLevel() == org.teachertraining.core.program.ProgramLevel.NATIONAL).toList(),
                        nationalBookings.getOrDefault(teacherId, 0L));
            }
        }
    };

    /** Each teacher's count of national bookings (the adapter's record of them). */
    private final Map<String, Long> nationalBookings = new HashMap<>();

    /**
     * A booking of {@code e} on {@code national}: false if a national seat was booked for the teacher since that read;
     * true otherwise, the booking counted if its project is national. Called under the lock, before anything is written.
     */
    private boolean nationalBookingCounted(Enrollment e, org.teachertraining.core.enrollment.NationalSeats national) {
        if (e.projectLevel() != org.teachertraining.core.program.ProgramLevel.NATIONAL) return true;
        long counted = nationalBookings.getOrDefault(e.teacherId(), 0L);
        if (national != null && national.bookings() != counted) return false;
        nationalBookings.put(e.teacherId(), counted + 1);
        return true;
    }

    private final List<org.teachertraining.core.enrollment.WaitlistEntry> waitlist = new ArrayList<>();
    public final List<org.teachertraining.core.notification.Notification> notices = new ArrayList<>();

    public final org.teachertraining.core.enrollment.Waitlists waitlists = new org.teachertraining.core.enrollment.Waitlists() {
        public Listing add(org.teachertraining.core.enrollment.WaitlistEntry e, org.teachertraining.core.program.ProgramLevel level) {
            synchronized (lock) {
                if (find(e.projectId(), e.teacherId()).isPresent()) return Listing.ALREADY_LISTED;
                if (closedProjects.contains(e.projectId())) return Listing.POOL_CLOSED;
                if (banned(e.teacherId(), level, e.addedAt())) return Listing.BANNED;
                waitlist.add(e);
                return Listing.LISTED;
            }
        }
        public Optional<org.teachertraining.core.enrollment.WaitlistEntry> find(String projectId, String teacherId) {
            synchronized (lock) { return waitlist.stream().filter(w -> w.projectId().equals(projectId) && w.teacherId().equals(teacherId)).findFirst(); }
        }
        public List<org.teachertraining.core.enrollment.WaitlistEntry> ofPool(String projectId, String pool) {
            synchronized (lock) { return waitlist.stream().filter(w -> w.projectId().equals(projectId) && w.quotaJurisdiction().equals(pool)).toList(); }
        }
        public List<org.teachertraining.core.enrollment.WaitlistEntry> ofProject(String projectId, String prefix) {
            synchronized (lock) {
                return waitlist.stream().filter(w -> w.projectId().equals(projectId) && w.quotaJurisdiction().startsWith(prefix))
                        .sorted(Comparator.comparing(org.teachertraining.core.enrollment.WaitlistEntry::quotaJurisdiction)).toList();
            }
        }
        public List<org.teachertraining.core.enrollment.WaitlistEntry> ofTeacher(String teacherId) {
            synchronized (lock) { return waitlist.stream().filter(w -> w.teacherId().equals(teacherId)).toList(); }
        }
        public boolean remove(org.teachertraining.core.enrollment.WaitlistEntry e, List<org.teachertraining.core.notification.Notification> told) {
            synchronized (lock) {
                if (!waitlist.removeIf(w -> w.projectId().equals(e.projectId()) && w.teacherId().equals(e.teacherId()))) return false;
                notices.addAll(told);
                return true;
            }
        }
        public Promotion promote(Enrollment freed, Instant at, Enrollment promoted, org.teachertraining.core.enrollment.WaitlistEntry entry,
                                 org.teachertraining.core.notification.Notification notice, List<org.teachertraining.core.notification.Notification> freedNotices,
                                 org.teachertraining.core.enrollment.NationalSeats national) {
            synchronized (lock) {
                var current = enrollmentMap.get(freed.projectId() + "/" + freed.teacherId());
                if (current == null || current.status() != EnrollmentStatus.SELECTED) return Promotion.SEAT_NOT_HELD;
                if (find(entry.projectId(), entry.teacherId()).isEmpty()) return Promotion.ENTRY_GONE;
                var other = enrollmentMap.get(promoted.projectId() + "/" + promoted.teacherId());
                if (other != null && other.status().holdsSeat()) return Promotion.ALREADY_ENROLLED;
                if (closedProjects.contains(freed.projectId())) return Promotion.POOL_CLOSED;
                if (banned(promoted.teacherId(), promoted.projectLevel(), at)) return Promotion.BANNED;
                if (!nationalBookingCounted(promoted, national)) return Promotion.NATIONAL_SEATS_CHANGED;
                enrollmentMap.put(freed.projectId() + "/" + freed.teacherId(), current.withdrawn(at));
                enrollmentMap.put(promoted.projectId() + "/" + promoted.teacherId(), promoted);
                remove(entry);
                notices.add(notice);
                notices.addAll(freedNotices);
                return Promotion.PROMOTED;
            }
        }
    };

    private final Map<String, org.teachertraining.core.integrity.Recourse> recourseMap = new HashMap<>();
    private final Map<String, IntegrityRecords.Awaiting> awaitingMap = new HashMap<>();

    public final IntegrityRecords integrity = new IntegrityRecords() {
        /** As DynamoDbIntegrityRecords keys it (teacher, date, project): the same record again replaces it. */
        public void add(IntegrityRecord r) {
            synchronized (lock) {
                integrityList.removeIf(o -> o.teacherId().equals(r.teacherId()) && o.occurredOn().equals(r.occurredOn()) && o.projectId().equals(r.projectId()));
                integrityList.add(r);
            }
        }
        public void add(IntegrityRecord r, List<org.teachertraining.core.notification.Notification> told) {
            synchronized (lock) {
                add(r);
                for (var n : told) if (notices.stream().noneMatch(x -> x.id().equals(n.id()))) notices.add(n);
            }
        }
        public List<IntegrityRecord> ofTeacher(String teacherId) {
            synchronized (lock) { return integrityList.stream().filter(r -> r.teacherId().equals(teacherId)).toList(); }
        }
        public java.util.Map<String, org.teachertraining.core.integrity.Recourse> recourseOf(String teacherId) {
            synchronized (lock) {
                var out = new java.util.HashMap<String, org.teachertraining.core.integrity.Recourse>();
                recourseMap.values().stream().filter(r -> r.teacherId().equals(teacherId)).forEach(r -> out.put(r.recordId(), r));
                return out;
            }
        }
        public boolean saveRecourse(org.teachertraining.core.integrity.Recourse r, IntegrityRecord record, String teacherUnit,
                                    List<org.teachertraining.core.notification.Notification> delivered) {
            synchronized (lock) {
                var current = recourseMap.get(r.teacherId() + "/" + r.recordId());
                if ((current == null ? 0 : current.version()) != r.version() - 1) return false;
                notices.addAll(delivered);
                recourseMap.put(r.teacherId() + "/" + r.recordId(), r);
                awaitingMap.remove(r.teacherId() + "/" + r.recordId());
                if (r.awaitsDecision()) awaitingMap.put(r.teacherId() + "/" + r.recordId(), new Awaiting(record, r, teacherUnit));
                return true;
            }
        }
        /** The whole list in one page, the longest waiting first, as DynamoDbIntegrityRecords orders it. */
        public org.teachertraining.core.common.Page<Awaiting> awaitingDecision(String unitPrefix, org.teachertraining.core.integrity.Recourse.Status status, String cursor, int limit) {
            synchronized (lock) {
                return new org.teachertraining.core.common.Page<>(awaitingMap.values().stream()
                        .filter(a -> a.teacherUnit().startsWith(unitPrefix) && (status == null || a.recourse().status() == status))
                        .sorted(java.util.Comparator.comparing((Awaiting a) -> a.recourse().lastStepAt())).toList(), null);
            }
        }
    };

    private final Map<String, org.teachertraining.core.mentoring.Mentoring.Community> communityMap = new java.util.LinkedHashMap<>();
    private final Map<String, org.teachertraining.core.mentoring.Mentoring.Member> memberMap = new java.util.LinkedHashMap<>();
    private final Map<String, String> mentoringGuards = new HashMap<>();
    private final Map<String, org.teachertraining.core.mentoring.Mentoring.Attendance> mentoringAttendanceMap = new java.util.LinkedHashMap<>();
    private final Map<String, org.teachertraining.core.mentoring.Mentoring.Target> targetMap = new HashMap<>();
    private final Map<String, Integer> mentoringDays = new HashMap<>();

    /** T2's store with the same limits as the DynamoDB one, under the ports' lock. */
    public final org.teachertraining.core.mentoring.Mentoring.Store mentoring = new org.teachertraining.core.mentoring.Mentoring.Store() {
        private org.teachertraining.core.mentoring.Mentoring.Community counted(org.teachertraining.core.mentoring.Mentoring.Community c, int b, int n, int t) {
            return new org.teachertraining.core.mentoring.Mentoring.Community(c.id(), c.name(), c.jurisdiction(), c.year(), c.masterTeacherId(), c.masterName(),
                    c.backbones() + b, c.newTeachers() + n, c.trainedNewTeachers() + t, c.createdBy(), c.createdAt());
        }
        private org.teachertraining.core.mentoring.Mentoring.Member with(org.teachertraining.core.mentoring.Mentoring.Member m, int n, int h) {
            return new org.teachertraining.core.mentoring.Mentoring.Member(m.communityId(), m.teacherId(), m.name(), m.county(), m.role(), m.backboneId(),
                    m.newTeachers() + n, m.approvedHours() + h, m.addedBy(), m.addedAt());
        }
        public Joined create(org.teachertraining.core.mentoring.Mentoring.Community c, org.teachertraining.core.mentoring.Mentoring.Member master) {
            synchronized (lock) {
                if (mentoringGuards.putIfAbsent(c.year() + "#" + master.teacherId(), c.id()) != null) return Joined.ALREADY_MEMBER;
                communityMap.put(c.id(), c);
                memberMap.put(c.id() + "#" + master.teacherId(), master);
                return Joined.JOINED;
            }
        }
        public Joined addBackbone(org.teachertraining.core.mentoring.Mentoring.Community c, org.teachertraining.core.mentoring.Mentoring.Member b, int max) {
            synchronized (lock) {
                var now = communityMap.get(c.id());
                if (now.backbones() >= max) return Joined.FULL;
                if (mentoringGuards.putIfAbsent(c.year() + "#" + b.teacherId(), c.id()) != null) return Joined.ALREADY_MEMBER;
                communityMap.put(c.id(), counted(now, 1, 0, 0));
                memberMap.put(c.id() + "#" + b.teacherId(), b);
                return Joined.JOINED;
            }
        }
        public Joined addNewTeacher(org.teachertraining.core.mentoring.Mentoring.Community c, org.teachertraining.core.mentoring.Mentoring.Member m, int max) {
            synchronized (lock) {
                var backbone = memberMap.get(c.id() + "#" + m.backboneId());
                if (backbone.newTeachers() >= max) return Joined.FULL;
                if (mentoringGuards.putIfAbsent(c.year() + "#" + m.teacherId(), c.id()) != null) return Joined.ALREADY_MEMBER;
                memberMap.put(c.id() + "#" + m.backboneId(), with(backbone, 1, 0));
                communityMap.put(c.id(), counted(communityMap.get(c.id()), 0, 1, 0));
                memberMap.put(c.id() + "#" + m.teacherId(), m);
                return Joined.JOINED;
            }
        }
        public Optional<org.teachertraining.core.mentoring.Mentoring.Community> find(String id) { synchronized (lock) { return Optional.ofNullable(communityMap.get(id)); } }
        public List<org.teachertraining.core.mentoring.Mentoring.Member> members(String id) {
            synchronized (lock) { return memberMap.values().stream().filter(m -> m.communityId().equals(id)).toList(); }
        }
        public Optional<org.teachertraining.core.mentoring.Mentoring.Member> member(String id, String teacherId) {
            synchronized (lock) { return Optional.ofNullable(memberMap.get(id + "#" + teacherId)); }
        }
        public List<org.teachertraining.core.mentoring.Mentoring.Community> ofYear(int year, String prefix) {
            synchronized (lock) { return communityMap.values().stream().filter(c -> c.year() == year && c.jurisdiction().startsWith(prefix)).toList(); }
        }
        public boolean record(List<org.teachertraining.core.mentoring.Mentoring.Attendance> list) {
            synchronized (lock) {
                if (list.stream().anyMatch(a -> mentoringAttendanceMap.containsKey(a.communityId() + "#" + a.activityId() + "#" + a.teacherId()))) return false;
                list.forEach(a -> mentoringAttendanceMap.put(a.communityId() + "#" + a.activityId() + "#" + a.teacherId(), a));
                return true;
            }
        }
        public List<org.teachertraining.core.mentoring.Mentoring.Attendance> activity(String id, String activityId) {
            synchronized (lock) { return mentoringAttendanceMap.values().stream().filter(a -> a.communityId().equals(id) && a.activityId().equals(activityId)).toList(); }
        }
        public org.teachertraining.core.mentoring.Mentoring.Attendance decide(org.teachertraining.core.mentoring.Mentoring.Attendance d,
                                                                             org.teachertraining.core.credit.CreditEntry credit, int trainedAt, int hoursPerDay) {
            synchronized (lock) {
                String key = d.communityId() + "#" + d.activityId() + "#" + d.teacherId();
                var stored = mentoringAttendanceMap.get(key);
                if (stored.status() != org.teachertraining.core.mentoring.Mentoring.Status.PENDING) return stored;
                String day = d.communityId() + "#" + d.teacherId() + "#" + d.date();
                if (credit != null && mentoringDays.getOrDefault(day, 0) + d.hours() > hoursPerDay) return stored;
                if (credit != null) mentoringDays.merge(day, d.hours(), Integer::sum);
                mentoringAttendanceMap.put(key, d);
                if (credit != null) {
                    var m = memberMap.get(d.communityId() + "#" + d.teacherId());
                    memberMap.put(d.communityId() + "#" + d.teacherId(), with(m, 0, d.hours()));
                    if (m.approvedHours() < trainedAt && m.approvedHours() + d.hours() >= trainedAt) {
                        communityMap.put(d.communityId(), counted(communityMap.get(d.communityId()), 0, 0, 1));
                    }
                    ledger.post(d.teacherId(), List.of(credit));
                }
                return d;
            }
        }
        public int approvedOn(String communityId, String teacherId, java.time.LocalDate date) {
            synchronized (lock) { return mentoringDays.getOrDefault(communityId + "#" + teacherId + "#" + date, 0); }
        }
        public org.teachertraining.core.common.Page<org.teachertraining.core.mentoring.Mentoring.Attendance> pendingIn(String county, String cursor, int limit) {
            synchronized (lock) {   // one page: the tests hold few
                return new org.teachertraining.core.common.Page<>(mentoringAttendanceMap.values().stream()
                        .filter(a -> a.county().equals(county) && a.status() == org.teachertraining.core.mentoring.Mentoring.Status.PENDING).limit(limit).toList(), null);
            }
        }
        public void setTarget(org.teachertraining.core.mentoring.Mentoring.Target t) { synchronized (lock) { targetMap.put(t.jurisdiction() + "#" + t.year(), t); } }
        public Optional<org.teachertraining.core.mentoring.Mentoring.Target> target(String code, int year) {
            synchronized (lock) { return Optional.ofNullable(targetMap.get(code + "#" + year)); }
        }
    };

    private final Map<String, org.teachertraining.core.application.TeacherApplication> applicationMap = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> openToApplications = new java.util.HashSet<>();

    /** Teachers' applications (E9), status changes conditional as in DynamoDbTeacherApplications. */
    public final org.teachertraining.core.application.TeacherApplications applications = new org.teachertraining.core.application.TeacherApplications() {
        public void setOpen(String projectId, boolean open) { synchronized (lock) { if (open) openToApplications.add(projectId); else openToApplications.remove(projectId); } }
        public boolean isOpen(String projectId) { synchronized (lock) { return openToApplications.contains(projectId); } }
        public boolean add(org.teachertraining.core.application.TeacherApplication a) {
            synchronized (lock) { return applicationMap.putIfAbsent(a.projectId() + "/" + a.teacherId(), a) == null; }
        }
        public Optional<org.teachertraining.core.application.TeacherApplication> find(String projectId, String teacherId) {
            synchronized (lock) { return Optional.ofNullable(applicationMap.get(projectId + "/" + teacherId)); }
        }
        public boolean move(org.teachertraining.core.application.TeacherApplication next, java.util.Set<org.teachertraining.core.application.TeacherApplication.Status> from) {
            synchronized (lock) {
                var current = applicationMap.get(next.projectId() + "/" + next.teacherId());
                if (current == null || !from.contains(current.status())) return false;
                applicationMap.put(next.projectId() + "/" + next.teacherId(), next);
                return true;
            }
        }
        public List<org.teachertraining.core.application.TeacherApplication> ofProject(String projectId) {
            synchronized (lock) { return applicationMap.values().stream().filter(a -> a.projectId().equals(projectId)).toList(); }
        }
        public List<org.teachertraining.core.application.TeacherApplication> ofTeacher(String teacherId) {
            synchronized (lock) { return applicationMap.values().stream().filter(a -> a.teacherId().equals(teacherId)).toList(); }
        }
    };

    private final Map<String, org.teachertraining.core.funding.TrainingBudgets.Recorded> trainingBudgetMap = new TreeMap<>();

    public final org.teachertraining.core.funding.TrainingBudgets.Records trainingBudgets = new org.teachertraining.core.funding.TrainingBudgets.Records() {
        public void put(org.teachertraining.core.funding.TrainingBudgets.Recorded r) { synchronized (lock) { trainingBudgetMap.put(r.jurisdiction() + "#" + r.year(), r); } }
        public Optional<org.teachertraining.core.funding.TrainingBudgets.Recorded> find(String code, int year) {
            synchronized (lock) { return Optional.ofNullable(trainingBudgetMap.get(code + "#" + year)); }
        }
        public List<org.teachertraining.core.funding.TrainingBudgets.Recorded> below(String parent, int year) {
            synchronized (lock) { return trainingBudgetMap.values().stream().filter(r -> parent.equals(r.parent()) && r.year() == year).toList(); }
        }
    };

    private final Map<String, org.teachertraining.core.credit.Requirement> requirementMap = new TreeMap<>();

    public final org.teachertraining.core.credit.RequirementBook.Versions requirementVersions = new org.teachertraining.core.credit.RequirementBook.Versions() {
        public List<org.teachertraining.core.credit.Requirement> all() { synchronized (lock) { return List.copyOf(requirementMap.values()); } }
        public List<org.teachertraining.core.credit.Requirement> ofUnits(List<String> units) {
            synchronized (lock) { return requirementMap.values().stream().filter(r -> units.contains(r.jurisdiction())).toList(); }
        }
        public List<org.teachertraining.core.credit.Requirement> of(String id) {
            synchronized (lock) { return requirementMap.values().stream().filter(r -> r.id().equals(id)).toList(); }
        }
        public boolean add(org.teachertraining.core.credit.Requirement r) {
            synchronized (lock) {
                requirementMap.values().stream().map(org.teachertraining.core.credit.Requirement::id).filter(id -> id.equalsIgnoreCase(r.id()) && !id.equals(r.id()))
                        .findFirst().ifPresent(other -> { throw new org.teachertraining.core.common.IdOfAnother(other); });
                return requirementMap.putIfAbsent(r.id() + "#" + String.format("%04d", r.version()), r) == null;
            }
        }
        public Optional<String> setAs(String id) {
            synchronized (lock) {
                return requirementMap.values().stream().map(org.teachertraining.core.credit.Requirement::id).filter(other -> other.equalsIgnoreCase(id) && !other.equals(id)).findFirst();
            }
        }
    };

    private final Map<String, org.teachertraining.core.credit.CreditEntry> ledgerMap = new TreeMap<>();

    public final org.teachertraining.core.credit.Ledger ledger = new org.teachertraining.core.credit.Ledger() {
        public boolean post(String teacherId, List<org.teachertraining.core.credit.CreditEntry> entries) {
            synchronized (lock) {
                if (entries.stream().anyMatch(e -> ledgerMap.containsKey(e.id()))) return false;
                for (var e : entries) {
                    ledgerMap.put(e.id(), e);
                    hoursByTeacherAndYear.merge(teacherId + "/" + e.year(), e.hours(), Integer::sum);
                }
                return true;
            }
        }
        public List<org.teachertraining.core.credit.CreditEntry> ofTeacher(String teacherId) {
            synchronized (lock) { return ledgerMap.values().stream().filter(e -> e.teacherId().equals(teacherId)).toList(); }
        }
        public Optional<org.teachertraining.core.credit.CreditEntry> find(String teacherId, String entryId) {
            synchronized (lock) { return Optional.ofNullable(ledgerMap.get(entryId)).filter(e -> e.teacherId().equals(teacherId)); }
        }
    };

    private final Map<String, org.teachertraining.core.credit.ProjectResult> resultMap = new HashMap<>();

    /** The same conditions as DynamoDbProjectResults, under the one lock instead of a transaction. */
    public final org.teachertraining.core.credit.ProjectResults results = new org.teachertraining.core.credit.ProjectResults() {
        private boolean owned(org.teachertraining.core.credit.ProjectResult r) {
            var held = resultMap.get(r.projectId() + "/" + r.teacherId());
            return held == null || (held.completionId().equals(r.completionId()) && held.fingerprint().equals(r.fingerprint()));
        }
        public Optional<org.teachertraining.core.credit.ProjectResult> find(String projectId, String teacherId) {
            synchronized (lock) { return Optional.ofNullable(resultMap.get(projectId + "/" + teacherId)); }
        }
        public List<org.teachertraining.core.credit.ProjectResult> ofProject(String projectId) {
            synchronized (lock) {
                return resultMap.values().stream().filter(r -> r.projectId().equals(projectId)).toList();
            }
        }
        public Claim claim(List<org.teachertraining.core.credit.ProjectResult> results) {
            synchronized (lock) {
                for (var r : results) if (!owned(r)) return new Claim.Taken(resultMap.get(r.projectId() + "/" + r.teacherId()));
                for (var r : results) resultMap.putIfAbsent(r.projectId() + "/" + r.teacherId(), r);
                return new Claim.Claimed();
            }
        }
        public Posting post(org.teachertraining.core.credit.ProjectResult r, List<org.teachertraining.core.credit.CreditEntry> entries,
                            IntegrityRecord record, List<org.teachertraining.core.notification.Notification> told, String code) {
            synchronized (lock) {
                var key = r.projectId() + "/" + r.teacherId();
                var held = resultMap.get(key);
                if (!owned(r)) return new Posting.Taken(held);
                if (held != null && held.posted()) return new Posting.AlreadyPosted(held);
                if (entries.stream().anyMatch(e -> ledgerMap.containsKey(e.id()))) throw new IllegalStateException("entries without a result");
                ledger.post(r.teacherId(), entries);
                if (record != null) integrity.add(record, told);   // replaces the lifecycle's record of the same no-show, as the table does
                var posted = new org.teachertraining.core.credit.ProjectResult(r.projectId(), r.teacherId(), r.completionId(), r.outcome(), r.hours(),
                        r.topic(), true, r.outcome() == org.teachertraining.core.credit.Completion.Outcome.PASSED ? code : null,
                        held == null ? r.recordedAt() : held.recordedAt());
                resultMap.put(key, posted);
                return new Posting.Posted(posted.certificateCode());
            }
        }
        public Optional<org.teachertraining.core.credit.ProjectResult> correct(org.teachertraining.core.credit.ProjectResult current,
                org.teachertraining.core.credit.ProjectResult corrected, List<org.teachertraining.core.credit.CreditEntry> entries,
                IntegrityRecord removed, IntegrityRecord added, List<org.teachertraining.core.notification.Notification> told) {
            synchronized (lock) {
                var key = current.projectId() + "/" + current.teacherId();
                var held = resultMap.get(key);
                if (held == null || !held.completionId().equals(current.completionId()) || !held.posted()) return Optional.empty();
                ledger.post(current.teacherId(), entries);
                if (removed != null && (added == null || !removed.id().equals(added.id()))) {
                    integrityList.removeIf(x -> x.teacherId().equals(removed.teacherId()) && x.projectId().equals(removed.projectId())
                            && x.occurredOn().equals(removed.occurredOn()));
                    awaitingMap.remove(removed.teacherId() + "/" + removed.id());   // no record left to decide on
                }
                if (added != null) integrity.add(added, told);
                if (current.certificateCode() != null) certificateMap.remove(current.certificateCode());
                resultMap.put(key, corrected);
                return Optional.of(corrected);
            }
        }
    };

    private final Map<String, org.teachertraining.core.institution.Institution> institutionMap = new HashMap<>();
    private final Map<String, String> institutionIds = new HashMap<>();   // upper case → the ID as registered

    public final org.teachertraining.core.institution.Institutions institutions = new org.teachertraining.core.institution.Institutions() {
        public void save(org.teachertraining.core.institution.Institution i) {
            synchronized (lock) {
                String owner = institutionIds.putIfAbsent(i.id().toUpperCase(java.util.Locale.ROOT), i.id());
                if (owner != null && !owner.equals(i.id())) throw new org.teachertraining.core.common.IdOfAnother(owner);
                institutionMap.put(i.id(), i);
            }
        }
        public Optional<org.teachertraining.core.institution.Institution> find(String id) {
            synchronized (lock) { return institutionMap.values().stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst(); }
        }
    };

    private final Map<String, org.teachertraining.core.credit.SchoolBasedHours> schoolMap = new TreeMap<>();

    public final org.teachertraining.core.credit.SchoolBasedRecords schoolBased = new org.teachertraining.core.credit.SchoolBasedRecords() {
        public boolean add(org.teachertraining.core.credit.SchoolBasedHours r) {
            synchronized (lock) { return schoolMap.putIfAbsent(r.teacherId() + "/" + r.id(), r) == null; }
        }
        public Optional<org.teachertraining.core.credit.SchoolBasedHours> find(String teacherId, String id) {
            synchronized (lock) { return Optional.ofNullable(schoolMap.get(teacherId + "/" + id)); }
        }
        public boolean decide(org.teachertraining.core.credit.SchoolBasedHours d) {
            synchronized (lock) {
                var cur = schoolMap.get(d.teacherId() + "/" + d.id());
                if (cur == null || cur.status() != org.teachertraining.core.credit.SchoolBasedHours.Status.PENDING) return false;
                schoolMap.put(d.teacherId() + "/" + d.id(), d);
                return true;
            }
        }
        public List<org.teachertraining.core.credit.SchoolBasedHours> pendingIn(String county) {
            synchronized (lock) {
                return schoolMap.values().stream().filter(r -> r.jurisdiction().equals(county)
                        && r.status() == org.teachertraining.core.credit.SchoolBasedHours.Status.PENDING).toList();
            }
        }
    };

    public final Map<String, org.teachertraining.core.certificate.Certificate> certificateMap = new TreeMap<>();

    public final org.teachertraining.core.certificate.Certificates certificates = new org.teachertraining.core.certificate.Certificates() {
        public void issue(org.teachertraining.core.certificate.Certificate c) { synchronized (lock) { certificateMap.putIfAbsent(c.code(), c); } }
        public Optional<org.teachertraining.core.certificate.Certificate> find(String code) { synchronized (lock) { return Optional.ofNullable(certificateMap.get(code)); } }
    };

    private final Map<String, List<ComplianceRow>> complianceRows = new TreeMap<>();
    private final Map<String, Integer> complianceLedgerEntries = new HashMap<>();

    public final ComplianceAggregates compliance = new ComplianceAggregates() {
        public Standing standing(String teacherId) {
            synchronized (lock) {
                return new Standing(ledger.ofTeacher(teacherId), complianceRows.getOrDefault(teacherId, List.of()).stream()
                        .map(ComplianceRow::key).collect(java.util.stream.Collectors.toSet()));
            }
        }

        public void replace(String teacherId, List<ComplianceRow> rows, int ledgerEntries, java.util.Set<ComplianceRow.Key> stored) {
            synchronized (lock) {
                if (complianceLedgerEntries.getOrDefault(teacherId, -1) > ledgerEntries) return;
                complianceLedgerEntries.put(teacherId, ledgerEntries);
                complianceRows.put(teacherId, List.copyOf(rows));
            }
        }

        public int countShortIn(String jurisdiction, String requirementId, int cycleFrom) {
            synchronized (lock) {
                return (int) complianceRows.values().stream().flatMap(List::stream).filter(r -> r.jurisdiction().startsWith(JurisdictionTree.subtreePrefix(jurisdiction))
                        && r.requirementId().equals(requirementId) && r.cycleFrom() == cycleFrom && !r.met()).count();
            }
        }

        public int countShortRegisteredAt(String unit, String requirementId, int cycleFrom) {
            synchronized (lock) {
                return (int) complianceRows.values().stream().flatMap(List::stream).filter(r -> r.jurisdiction().equals(unit)
                        && r.requirementId().equals(requirementId) && r.cycleFrom() == cycleFrom && !r.met()).count();
            }
        }

        public Page<ComplianceRow> shortIn(String jurisdiction, String requirementId, int cycleFrom, String schoolId, String cursor, int limit) {
            synchronized (lock) {
                var all = complianceRows.values().stream().flatMap(List::stream)
                        .filter(r -> r.jurisdiction().startsWith(JurisdictionTree.subtreePrefix(jurisdiction)) && r.requirementId().equals(requirementId)
                                && r.cycleFrom() == cycleFrom && !r.met() && (schoolId == null || schoolId.equals(r.schoolId())))
                        .sorted(Comparator.comparing((ComplianceRow r) -> r.jurisdiction() + "#" + r.schoolId() + "#" + r.teacherId())).toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(all.size(), from + limit);
                return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
            }
        }
    };

    private final Map<String, Submission> submissionMap = new java.util.LinkedHashMap<>();
    private final Map<String, String> submissionByFile = new HashMap<>();
    private final Map<String, ReportedClasses> classesMap = new HashMap<>();

    public final Submissions submissions = new Submissions() {
        public Submission putUnlessSameFile(Submission s) {
            synchronized (lock) {
                String file = s.projectId() + "#" + s.fileIdentity();
                var standing = submissionByFile.containsKey(file) ? submissionMap.get(submissionByFile.get(file)) : null;
                if (standing != null && standing.status() != Submission.Status.REJECTED) return standing;
                submissionByFile.put(file, s.id());
                submissionMap.put(s.id(), s);
                return s;
            }
        }
        public void put(Submission s) { synchronized (lock) { submissionMap.put(s.id(), s); } }
        public Optional<Submission> find(String projectId, String id) {
            synchronized (lock) { return Optional.ofNullable(submissionMap.get(id)).filter(s -> s.projectId().equals(projectId)); }
        }
        public List<Submission> ofProject(String projectId) {
            synchronized (lock) { return submissionMap.values().stream().filter(s -> s.projectId().equals(projectId)).toList(); }
        }
        public boolean decide(Submission decided) {
            synchronized (lock) {
                if (submissionMap.get(decided.id()).status() != Submission.Status.AWAITING_UPLOAD) return false;
                submissionMap.put(decided.id(), decided);
                return true;
            }
        }
        public void reportClasses(ReportedClasses c) { synchronized (lock) { classesMap.put(c.projectId(), c); } }
        public Optional<ReportedClasses> classes(String projectId) { synchronized (lock) { return Optional.ofNullable(classesMap.get(projectId)); } }
    };

    public final UploadUrls uploadUrls = (key, size, contentType) -> new UploadUrls.UploadUrl("https://uploads.test/" + key, "PUT",
            Map.of("Content-Type", contentType, "Content-Length", Long.toString(size)), Instant.parse("2030-01-01T00:00:00Z"));

    private final Map<String, ProgramStandards> standardsMap = new HashMap<>();
    private final Map<String, Budget> budgetMap = new HashMap<>();
    private final List<Expense> expenseList = new ArrayList<>();
    private final Map<String, Map<String, Attendance>> attendanceMap = new HashMap<>();
    private final Map<String, Settlement> settlementMap = new HashMap<>();

    public final Funding funding = new Funding() {
        public void saveStandards(ProgramStandards s) { synchronized (lock) { standardsMap.put(s.programId(), s); } }
        public Optional<ProgramStandards> standards(String programId) { synchronized (lock) { return Optional.ofNullable(standardsMap.get(programId)); } }
        public boolean submitBudget(Budget b) {
            synchronized (lock) {
                var old = budgetMap.get(b.projectId());
                if (old != null && old.status() != Budget.Status.SUBMITTED) return false;
                budgetMap.put(b.projectId(), b);
                return true;
            }
        }
        public Optional<Budget> budget(String projectId) { synchronized (lock) { return Optional.ofNullable(budgetMap.get(projectId)); } }
        public boolean approveBudget(String projectId, Instant submittedAt, String by, Instant at) {
            synchronized (lock) {
                var b = budgetMap.get(projectId);
                if (b == null || b.status() != Budget.Status.SUBMITTED || !b.submittedAt().equals(submittedAt)) return false;
                budgetMap.put(projectId, new Budget(projectId, b.lines(), Budget.Status.APPROVED, b.submittedBy(), b.submittedAt(), by, at));
                return true;
            }
        }
        public ExpenseWrite recordExpense(Expense e) {
            synchronized (lock) {
                if (expenseWithReceipt(e.projectId(), e.receiptSubmissionId()).isPresent()) return ExpenseWrite.RECEIPT_USED;
                var b = budgetMap.get(e.projectId());
                if (b == null || b.status() != Budget.Status.APPROVED) return ExpenseWrite.BUDGET_NOT_APPROVED;
                expenseList.add(e);
                return ExpenseWrite.RECORDED;
            }
        }
        public Optional<Expense> expenseWithReceipt(String projectId, String receiptSubmissionId) {
            synchronized (lock) {
                return expenseList.stream().filter(e -> e.projectId().equals(projectId) && e.receiptSubmissionId().equals(receiptSubmissionId)).findFirst();
            }
        }
        public List<Expense> expenses(String projectId) {
            synchronized (lock) { return expenseList.stream().filter(e -> e.projectId().equals(projectId)).toList(); }
        }
        public void saveAttendance(String projectId, List<Attendance> records) {
            synchronized (lock) { records.forEach(a -> attendanceMap.computeIfAbsent(projectId, k -> new TreeMap<>()).put(a.teacherId(), a)); }
        }
        public List<Attendance> attendance(String projectId) {
            synchronized (lock) { return List.copyOf(attendanceMap.getOrDefault(projectId, Map.of()).values()); }
        }
        public boolean settle(Settlement s) {
            synchronized (lock) {
                var b = budgetMap.get(s.projectId());
                if (b == null || b.status() != Budget.Status.APPROVED) return false;
                budgetMap.put(s.projectId(), new Budget(b.projectId(), b.lines(), Budget.Status.SETTLED, b.submittedBy(), b.submittedAt(), b.approvedBy(), b.approvedAt()));
                settlementMap.put(s.projectId(), s);
                return true;
            }
        }
        public Optional<Settlement> settlement(String projectId) { synchronized (lock) { return Optional.ofNullable(settlementMap.get(projectId)); } }
    };

    public final TrainingHours hours = (teacherId, year) -> {
        synchronized (lock) { return hoursByTeacherAndYear.getOrDefault(teacherId + "/" + year, 0); }
    };

    private final Map<String, org.teachertraining.core.lifecycle.ProjectLifecycle> lifecycleMap = new HashMap<>();
    private final Map<String, Integer> ratingMap = new TreeMap<>();

    /** Lifecycle records and the P1 inputs: ratings keyed PROJECT/KIND/WHO, one per key (a repeat replaces, as the table does). */
    public final org.teachertraining.core.lifecycle.Lifecycles lifecycles = new org.teachertraining.core.lifecycle.Lifecycles() {
        public Optional<org.teachertraining.core.lifecycle.ProjectLifecycle> find(String projectId) { synchronized (lock) { return Optional.ofNullable(lifecycleMap.get(projectId)); } }
        public void save(org.teachertraining.core.lifecycle.ProjectLifecycle lc) { synchronized (lock) { lifecycleMap.put(lc.projectId(), lc); } }
        public boolean saveIfAbsent(org.teachertraining.core.lifecycle.ProjectLifecycle lc) { synchronized (lock) { return lifecycleMap.putIfAbsent(lc.projectId(), lc) == null; } }
        public boolean saveIfUnchanged(org.teachertraining.core.lifecycle.ProjectLifecycle next, org.teachertraining.core.lifecycle.ProjectLifecycle read) {
            synchronized (lock) {
                var current = lifecycleMap.get(next.projectId());
                if (current == null || !java.util.Objects.equals(current.updatedAt(), read.updatedAt())) return false;
                lifecycleMap.put(next.projectId(), next);
                return true;
            }
        }
        public boolean rate(String projectId, String raterKey, int score, String comment) { synchronized (lock) { return ratingMap.putIfAbsent(projectId + "/R/" + raterKey, score) == null; } }
        public List<Integer> ratings(String projectId) { return scores(projectId + "/R/"); }
        public void score(String projectId, String expert, int score, String comment) { synchronized (lock) { ratingMap.put(projectId + "/E/" + expert, score); } }
        public void assignExpert(String projectId, String expert, String assignedBy, Instant at) { synchronized (lock) { ratingMap.put(projectId + "/A/" + expert, 0); } }
        public List<String> assignmentsOf(String expert) { synchronized (lock) { return ratingMap.keySet().stream().filter(k -> k.endsWith("/A/" + expert)).map(k -> k.substring(0, k.indexOf('/'))).toList(); } }
        public boolean isAssigned(String projectId, String expert) { synchronized (lock) { return ratingMap.containsKey(projectId + "/A/" + expert); } }
        public List<Integer> expertScores(String projectId) { return scores(projectId + "/E/"); }
        public void rateAsBureau(String projectId, String jurisdiction, int score, String comment, String by, Instant at) { synchronized (lock) { ratingMap.put(projectId + "/B/" + jurisdiction, score); } }
        public List<Integer> bureauRatings(String projectId) { return scores(projectId + "/B/"); }
        private List<Integer> scores(String prefix) {
            synchronized (lock) { return ratingMap.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList(); }
        }
    };

    private final Map<String, org.teachertraining.core.evaluation.PerformancePolicy> policyMap = new HashMap<>();
    private final Map<String, org.teachertraining.core.evaluation.InstitutionPerformance.Ranking> rankingMap = new HashMap<>();
    private final Map<String, org.teachertraining.core.institution.Eliminations.Elimination> eliminationMap = new TreeMap<>();

    public final org.teachertraining.core.evaluation.InstitutionPerformance.Records performance = new org.teachertraining.core.evaluation.InstitutionPerformance.Records() {
        public Optional<org.teachertraining.core.evaluation.PerformancePolicy> policy(String programId) { synchronized (lock) { return Optional.ofNullable(policyMap.get(programId)); } }
        public boolean savePolicy(org.teachertraining.core.evaluation.PerformancePolicy p) {
            synchronized (lock) {
                if (rankingMap.containsKey(p.programId())) return false;
                policyMap.put(p.programId(), p);
                return true;
            }
        }
        public Optional<org.teachertraining.core.evaluation.InstitutionPerformance.Ranking> confirmed(String programId) { synchronized (lock) { return Optional.ofNullable(rankingMap.get(programId)); } }
        public boolean confirm(org.teachertraining.core.evaluation.InstitutionPerformance.Ranking r, List<Elimination> eliminations) {
            synchronized (lock) {
                var policy = policyMap.get(r.programId());
                if (rankingMap.containsKey(r.programId()) || !java.util.Objects.equals(policy == null ? null : policy.setAt(), r.policy().setAt())) return false;
                rankingMap.put(r.programId(), r);
                eliminations.forEach(e -> eliminationMap.put(e.owner() + "/" + e.institutionId() + "/" + e.category(), e));
                return true;
            }
        }
        public boolean publish(String programId, String by, Instant at) {
            synchronized (lock) {
                var r = rankingMap.get(programId);
                if (r == null) return false;
                if (!r.published()) rankingMap.put(programId, r.published(by, at));
                return true;
            }
        }
        public List<Elimination> of(String owner) { synchronized (lock) { return eliminationMap.values().stream().filter(e -> e.owner().equals(owner)).toList(); } }
    };
}
