package org.teachertraining.core.identity;

import java.util.Set;

/** The authenticated user of a request, from the verified token's claims. */
public record Caller(String userId, Role role, String jurisdiction, String institutionId, String teacherId) {

    public boolean hasRole(Role... roles) {
        return Set.of(roles).contains(role);
    }
}
