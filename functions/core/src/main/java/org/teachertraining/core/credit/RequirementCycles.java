package org.teachertraining.core.credit;

import org.teachertraining.core.enrollment.CycleRequirements;
import org.teachertraining.core.teacher.Teacher;

import java.util.Optional;

/** {@link CycleRequirements} from the requirements as data (C3): the province's requirement for all its teachers, without a topic. */
public final class RequirementCycles implements CycleRequirements {
    private final Requirements requirements;

    public RequirementCycles(Requirements requirements) {
        this.requirements = requirements;
    }

    @Override
    public Optional<Cycle> cycleOf(Teacher teacher, int year) {
        String province = teacher.jurisdiction().substring(0, 2) + "0000";
        return requirements.of(province).stream().filter(r -> r.appliesTo() == Requirement.AppliesTo.ALL && r.topic() == null).findFirst().map(r -> {
            int anchor = r.anchorYear() == null ? teacher.teachingSince().getYear() : r.anchorYear();
            int[] cycle = Requirements.cycle(r, anchor, year);
            return new Cycle(r.id(), r.name(), cycle[0], cycle[1], r.minHours(), (r.minHours() + r.periodYears() - 1) / r.periodYears());
        });
    }
}
