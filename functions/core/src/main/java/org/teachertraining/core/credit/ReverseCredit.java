package org.teachertraining.core.credit;

import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.Teachers;

import java.time.Clock;
import java.util.List;

/**
 * Corrects the ledger (C5): a reversing entry with the negative hours of exactly the entry it names, the
 * reason and the corrector. The ledger stays append-only; reversing the same entry twice changes nothing.
 */
public final class ReverseCredit {
    private final Teachers teachers;
    private final Ledger ledger;
    private final Access access;
    private final Clock clock;
    private final RefreshCompliance compliance;

    public ReverseCredit(Teachers teachers, Ledger ledger, Access access, Clock clock, RefreshCompliance compliance) {
        this.teachers = teachers;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
        this.compliance = compliance;
    }

    public Outcome<CreditEntry> execute(Caller caller, String teacherId, String entryId, String reason) {
        var v = new Violations();
        v.text("reason", reason, 500);
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var teacher = teachers.find(teacherId);
        if (teacher.isEmpty()) return Outcome.refused(teachers.notFound(teacherId));
        var denied = access.require(caller, teacher.get().jurisdiction(), Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        if (denied.isPresent()) return Outcome.refused(denied.get());
        var entry = ledger.find(teacherId, entryId);
        if (entry.isEmpty()) return Outcome.refused(Refusal.notFound(Text.of("没有这条学时记录：" + entryId, "No credit entry " + entryId)));
        var original = entry.get();
        if (original.reverses() != null) {
            return Outcome.refused(Refusal.conflict("C5", Text.of("冲正记录本身不能再冲正", "A reversing entry cannot itself be reversed")));
        }
        var reversal = new CreditEntry("REV:" + original.id(), teacherId, original.year(), original.category(), -original.hours(),
                original.topic(), "correction", original.projectId(), original.id(), reason.strip(), caller.userId(), clock.instant());
        ledger.post(teacherId, List.of(reversal));
        compliance.refresh(teacher.get());
        return Outcome.done(ledger.find(teacherId, reversal.id()).orElse(reversal));
    }
}
