package org.teachertraining.enrollment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.http.Callers;
import org.teachertraining.http.HmacJwt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The enrollment API as a Lambda function serves it (API Gateway HTTP API, payload format 2.0), behind the entry point
 * {@link EnrollmentApiStreamHandler}. It runs the same controllers that the local runtime serves on localhost:8080.
 *
 * <p>Start-up (BENCHMARKS.md): beans are created when a request first needs them, not all at start —
 * Micronaut's Lambda builder makes every singleton eager, so a cold request paid for the SDK clients and
 * use cases of all 48 routes; only the two that nearly every request needs are made at start, beside the router
 * ({@link #BESIDE_THE_ROUTER}). The entry point primes it for SnapStart ({@link #primingRequest}).
 */
public class EnrollmentApiHandler extends APIGatewayV2HTTPEventFunction {
    /** Makes {@link #BESIDE_THE_ROUTER} while the super constructor builds the router; assigned by {@link #startThis}. */
    private Thread beside;

    /**
     * The beans nearly every request needs, whatever its route: the table (its SDK client: the SDK's service metadata and
     * the HTTP client's TLS context, the costliest part of a first request) and the callers (the jurisdiction tree).
     */
    static final List<Class<?>> BESIDE_THE_ROUTER = List.of(TrainingTable.class, Callers.class);

    /**
     * As Lambda makes it: the context started, then, side by side, the router on this thread and
     * {@link #BESIDE_THE_ROUTER} on another; made when the constructor returns, so within Lambda's init phase. One that
     * cannot be made there is made, or fails, when a request first needs it, as any other bean.
     */
    public EnrollmentApiHandler() {
        super();
        try {
            beside.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void startThis(ApplicationContext context) {
        super.startThis(context);
        beside = Thread.ofPlatform().daemon().name("beans-beside-the-router").start(() -> {
            for (var type : BESIDE_THE_ROUTER) {
                try {
                    context.getBean(type);
                } catch (RuntimeException e) {
                    System.err.println("{\"level\":\"WARN\",\"startup\":\"not made beside the router, left to the first request that needs it\",\"bean\":\""
                            + type.getSimpleName() + "\",\"error\":\"" + e.getClass().getName() + "\"}");
                }
            }
        });
    }

    /** The Lambda builder's environments and eager configuration, without eager singletons. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder().environments("function", "lambda").eagerInitConfiguration(true);
    }

    /** A GET as API Gateway passes it, from a province administrator whose token the gateway has verified. */
    static APIGatewayV2HTTPEvent primingRequest(String path) {
        // gateway mode reads the claims of a token API Gateway has verified; the signature is not checked again
        String token = new HmacJwt("priming-signature-not-checked-in-gateway-mode".getBytes(StandardCharsets.UTF_8))
                .sign(Map.<String, Object>of("sub", "priming", "role", "PROVINCE_ADMIN", "jurisdiction", "410000", "exp", 4102444800L));
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).withProtocol("HTTP/1.1")
                .withSourceIp("127.0.0.1").withUserAgent("priming").build();
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "priming", "role", "PROVINCE_ADMIN", "jurisdiction", "410000")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("priming").withRouteKey("GET " + path)
                .withStage("$default").withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + path).withRawPath(path).withRawQueryString("")
                .withHeaders(Map.of("authorization", "Bearer " + token, "accept", "application/json", "accept-language", "zh-CN")).withRequestContext(context).build();
    }
}
