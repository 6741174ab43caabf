package org.teachertraining.core.institution;

import org.teachertraining.core.common.IdOfAnother;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;

import java.time.LocalDate;
import java.util.Set;

/** The province registers an institution and its accreditation scope and validity (C1). */
public final class AccreditInstitution {
    public record Command(String name, Set<CreditCategory> categories, LocalDate validFrom, LocalDate validUntil) {}

    private final Institutions institutions;

    public AccreditInstitution(Institutions institutions) {
        this.institutions = institutions;
    }

    public Outcome<Institution> execute(Caller caller, String id, Command c) {
        if (caller.role() != Role.PROVINCE_ADMIN) return Outcome.refused(Access.roleRefusal(Role.PROVINCE_ADMIN));
        var v = new Violations();
        v.identifier("id", id);
        v.name("name", c.name(), 200);
        v.required("categories", c.categories());
        if (v.required("validFrom", c.validFrom()) & v.required("validUntil", c.validUntil()) && c.validUntil().isBefore(c.validFrom())) {
            v.add("validUntil", "不能早于生效日期", "must not be before validFrom");
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());
        var institution = new Institution(id, c.name().strip(), c.categories(), c.validFrom(), c.validUntil(), caller.userId());
        try {
            institutions.save(institution);
        } catch (IdOfAnother other) {
            return Outcome.refused(other.refusal(id, Text.of("承训单位编号", "Institution ID"), Text.of("同一单位", "the same institution")));
        }
        return Outcome.done(institution);
    }
}
