package org.teachertraining.core.credit;

import org.teachertraining.core.enrollment.CycleRequirements;
import org.teachertraining.core.teacher.Teacher;

import java.util.Optional;

/** {@link CycleRequirements} from the requirements as data (C3): the requirement for all teachers, without a topic, that the teacher's unit falls under. */
public final class RequirementCycles implements CycleRequirements {
    private final RequirementBook requirements;

    public RequirementCycles(RequirementBook requirements) {
        this.requirements = requirements;
    }

    @Override
    public Optional<Cycle> cycleOf(Teacher teacher, int year) {
        return requirements.inForceFor(teacher.jurisdiction(), year).applicableTo(teacher.jurisdiction()).stream().filter(r -> r.appliesTo() == Requirement.AppliesTo.ALL && r.topic() == null).findFirst().map(r -> {
            int anchor = r.anchorYear() == null ? teacher.teachingSince().getYear() : r.anchorYear();
            int[] cycle = Requirements.cycle(r, anchor, year);
            return new Cycle(r.id(), r.name(), cycle[0], cycle[1], r.minHours(), (r.minHours() + r.periodYears() - 1) / r.periodYears());
        });
    }
}
