package org.teachertraining.http;

import org.teachertraining.core.identity.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a route at all, checked by {@link Callers#of} as soon as the token is verified: before
 * the route reads its body, query or path, so a caller outside these roles is refused 403 whatever it sends, and
 * learns nothing of what the route would have accepted. Where the path (or the query) names a unit or a teacher, that
 * is checked too ({@link #jurisdiction}, {@link #teacher}). The use case still checks everything again, and what the path
 * alone cannot tell (a project's owner, the unit of a teacher). A route without it is open to every authenticated role. The OpenAPI document lists the same roles under
 * each operation's {@code x-roles}; AttackSurfaceIT holds the two together.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForRoles {
    Role[] value();

    /** The path variable (or else query parameter) naming a unit (GB/T 2260 code) that must lie in an admin caller's subtree, or none. */
    String jurisdiction() default "";

    /** The path variable naming a teacher: a teacher may name only itself. Or none. */
    String teacher() default "";
}
