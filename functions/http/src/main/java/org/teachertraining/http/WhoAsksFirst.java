package org.teachertraining.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.teachertraining.core.access.WhoMayAct;
import org.teachertraining.core.common.Refusal;

import java.util.Map;
import java.util.Optional;

/**
 * Input refused before its use case ran (400: a body that is not JSON, a query value of the wrong type; 415, 406) on a
 * route whose path names a record — a project, a program, a mentoring community, a teacher, in that order — is answered
 * so only to a caller who could act on that record at all ({@link WhoMayAct}); anyone else gets the 403 a well-formed
 * request would have got. {@link CallerGate} has answered who the caller is and what the route's roles are;
 * this answers whose record it is, which takes a read, and so only on the path of a refusal.
 */
@Singleton
final class WhoAsksFirst {
    private final Callers callers;
    /** Made at the first route that names a record: a context without the table (the local runtime's own routes) never makes it. */
    private final BeanProvider<WhoMayAct> whoMayAct;

    WhoAsksFirst(Callers callers, BeanProvider<WhoMayAct> whoMayAct) {
        this.callers = callers;
        this.whoMayAct = whoMayAct;
    }

    /** The refusal that comes before the input's, on the request's own route, if any. */
    Optional<ProblemException> refusal(HttpRequest<?> request) {
        return refusal(request, RouteAttributes.getRouteMatch(request).orElse(null));
    }

    /** The refusal that comes before the input's, for the caller {@link CallerGate} admitted to {@code route}, if any. */
    Optional<ProblemException> refusal(HttpRequest<?> request, RouteMatch<?> route) {
        return whose(request, route).map(r -> new ProblemException(Problems.status(r.kind()), r));
    }

    private Optional<Refusal> whose(HttpRequest<?> request, RouteMatch<?> route) {
        var caller = callers.admitted(request);
        if (caller.isEmpty() || route == null) return Optional.empty();
        Map<String, Object> names = route.getVariableValues();
        if (names.get("projectId") instanceof String id) return whoMayAct.get().onProject(caller.get(), id);
        if (names.get("programId") instanceof String id) return whoMayAct.get().onProgram(caller.get(), id);
        if (names.get("communityId") instanceof String id) return whoMayAct.get().onCommunity(caller.get(), id);
        if (names.get("teacherId") instanceof String id) return whoMayAct.get().onTeacher(caller.get(), id);
        return Optional.empty();
    }
}
