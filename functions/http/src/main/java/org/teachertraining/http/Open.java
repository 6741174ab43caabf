package org.teachertraining.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that needs no caller: public reference data (the labels, the API's document, a published ranking, a
 * certificate's verification) and the local runtime's own console and development routes. Every other route is
 * closed: {@link CallerGate} verifies its caller before anything of the request is read, and refuses 401 or 403 first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Open {
}
