package org.teachertraining.core.submission;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.project.Project;

import java.util.Optional;

/** Only the institution that runs a project submits for it. */
final class ProjectInstitution {
    private ProjectInstitution() {}

    static Optional<Refusal> require(Caller caller, Project project) {
        if (caller.role() != Role.INSTITUTION || caller.institutionId() == null) return Optional.of(Access.roleRefusal(Role.INSTITUTION));
        if (!caller.institutionId().equals(project.institutionId())) {
            return Optional.of(Refusal.forbidden(Text.of("只有项目的承训单位 " + project.institutionId() + " 可以为其提交材料",
                    "Only the project's institution (" + project.institutionId() + ") may submit for it")));
        }
        return Optional.empty();
    }
}
