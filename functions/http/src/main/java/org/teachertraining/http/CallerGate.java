package org.teachertraining.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;

import java.util.Optional;

/**
 * Authorization first, on every route that is not {@link Open}: the caller is verified (401) and held to the route's
 * {@link ForRoles} (403) once the route is matched and before its arguments are bound. So a request without a token,
 * or from a role the route is not for, is refused whatever it sends: no body at all, a body that is not JSON, a
 * query missing what the route requires. The caller found is kept on the request for the controller's
 * {@link Callers#of}. A request that matches no route is answered by {@link ProblemErrorResponseProcessor}: a 404 or
 * 405 without looking at the token; a 415 or 406 only after its caller is checked here ({@link #refusalOfUnmatched}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CallerGate implements Ordered {
    private final Callers callers;
    private final BeanProvider<Router> router;
    private final WhoAsksFirst whoAsksFirst;

    public CallerGate(Callers callers, BeanProvider<Router> router, WhoAsksFirst whoAsksFirst) {
        this.callers = callers;
        this.router = router;
        this.whoAsksFirst = whoAsksFirst;
    }

    @Override
    public int getOrder() {
        return 200;   // after RequestGuard (100): a path that is no identifier is refused 400 without reading the token
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        var route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty() || route.get().getAnnotationMetadata().hasAnnotation(Open.class)) return null;
        try {
            callers.of(request);
            return null;
        } catch (ProblemException refused) {
            return Problems.response(request, refused.status(), refused.refusal());
        }
    }

    /**
     * For a request whose path and method name routes of which none takes its content type or gives what it accepts
     * (415, 406): the refusal its caller gets first, if none of those routes is {@link Open} and none admits the
     * caller (its {@link ForRoles}); for a caller one admits, whether it could act on the record that route names
     * ({@link WhoAsksFirst}).
     */
    Optional<ProblemException> refusalOfUnmatched(HttpRequest<?> request) {
        var routes = router.get().uriRoutes()
                .filter(r -> r.getHttpMethodName().equals(request.getMethodName()))
                .<RouteMatch<?>>map(r -> r.tryMatch(request.getPath())).filter(java.util.Objects::nonNull).toList();
        if (routes.isEmpty() || routes.stream().anyMatch(r -> r.getAnnotationMetadata().hasAnnotation(Open.class))) return Optional.empty();
        ProblemException refused = null;
        for (var route : routes) {
            try {
                callers.of(request, route);
                return whoAsksFirst.refusal(request, route);
            } catch (ProblemException e) {
                refused = e;
            }
        }
        return Optional.of(refused);
    }
}
