package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;




import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.teachertraining.local.iam.IamEnforcement;
import org.teachertraining.local.iam.RolePolicies;
import org.teachertraining.local.sfn.LambdaInvoker;
import org.teachertraining.local.sfn.StepFunctionsEmulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The whole platform on one machine, no Docker, no AWS account: the emulators, the resources of
 * template.yaml created in them, and the API functions' controllers on localhost:8080.
 *
 * <pre>
 * --port N      HTTP port (default 8080; 0 picks a free one)
 * --clean       delete .local/ first and start from nothing
 * --demo        load the 2020 Henan provincial program (projects, quotas, a few hundred teachers) and 2019 run to its end
 * --in-memory   keep nothing on disk (tests)
 * --root DIR    the repository root (where template.yaml is); default: found upwards from the working directory
 * --aot-training  start in memory, answer a few requests, stop: the training run of the AOT cache (src/run/local-runtime.sh)
 * </pre>
 */
public final class LocalRuntime implements AutoCloseable {

    public record Options(Path root, int port, boolean clean, boolean demo, boolean inMemory) {}

    private final Emulators emulators;
    private final ApplicationContext context;
    private final URI api;
    private SqsEventSources eventSources;
    private SqsClient eventSourceClient;
    private S3Notifications s3Notifications;
    private StepFunctionsEmulator stepFunctions;
    private Schedules schedules;
    private URI stepFunctionsEndpoint;
    /** The runtime's own client behind DynamoDbCommitBarrier (null in memory). */
    private DynamoDbClient barrierClient;
    /** Each function's environment and the platform's clock, by logical ID. */
    private java.util.function.Function<String, FunctionEnvironment> environments;
    final List<String> banner = new ArrayList<>();

    private LocalRuntime(Emulators emulators, ApplicationContext context, URI api) {
        this.emulators = emulators;
        this.context = context;
        this.api = api;
    }

    /** How long a polite stop (SIGTERM, Ctrl-C) may take before the JVM is halted. */
    static final long STOP_WITHIN_MILLIS = 5_000;

    /**
     * Tells the launcher that the runtime has started, so that its background work (src/run/local-runtime.sh: making the
     * AOT cache) does not compete with the start for the CPU: the file named by the system property
     * {@code local.runtime.started-file}, if one is named, is created. Best effort: without it the launcher waits for the
     * runtime to end instead.
     */
    private static void announceStarted() {
        String file = System.getProperty("local.runtime.started-file");
        if (file == null) return;
        try {
            Files.writeString(Path.of(file), "");
            Path.of(file).toFile().deleteOnExit();   // the launcher may not be waiting for it (another start's training runs)
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("local runtime: could not write " + file + ": " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains(AotTraining.OPTION)) {
            AotTraining.run(parse(Arrays.stream(args).filter(a -> !a.equals(AotTraining.OPTION)).toArray(String[]::new)).root());
            System.exit(0);   // the JVM writes its AOT cache as it exits
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = start(parse(args));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        runtime.banner.forEach(System.out::println);
        announceStarted();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C / SIGTERM: stop taking work (pollers, schedules, the HTTP server), then the emulators.
            // Micronaut's server stop can wait on the context it is stopping from another hook; a watchdog
            // ends the JVM after a few seconds whatever waits, so a polite stop never leaves port 8080 held.
            var watchdog = new Thread(() -> {
                try {
                    Thread.sleep(STOP_WITHIN_MILLIS);
                } catch (InterruptedException done) {
                    return;
                }
                System.err.println("local runtime: stop took over " + STOP_WITHIN_MILLIS + " ms; halting");
                Runtime.getRuntime().halt(0);
            }, "stop-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                runtime.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            watchdog.interrupt();
        }, "local-runtime-stop"));
        Thread.currentThread().join();
    }

    /** How many times the runtime starts on newly reserved ports when an emulator's port was taken before it listened. */
    static final int PORT_ATTEMPTS = 3;

    public static LocalRuntime start(Options o) throws Exception {
        return start(o, () -> Emulators.Endpoints.reserve(o.port()));
    }

    /**
     * The runtime, with its emulators on the ports {@code ports} reserves. The ports are free when reserved, but not held:
     * if one is taken before its emulator listens on it (a connection of another process may take it as its local port),
     * everything started is stopped and the runtime starts again on newly reserved ports, up to {@link #PORT_ATTEMPTS}
     * times.
     */
    static LocalRuntime start(Options o, java.util.concurrent.Callable<Emulators.Endpoints> ports) throws Exception {
        if (o.clean()) deleteTree(o.root().resolve(".local"));
        for (int attempt = 1; ; attempt++) {
            try {
                return start(o, ports.call());
            } catch (Emulators.PortTaken e) {
                if (attempt == PORT_ATTEMPTS) throw e;
                System.err.println("local runtime: " + e.getMessage() + "; starting again on other ports");
            }
        }
    }

    private static LocalRuntime start(Options o, Emulators.Endpoints endpoints) throws Exception {
        Path data = o.root().resolve(".local");
        Path template = o.root().resolve("template.yaml");
        Files.createDirectories(data);
        var parsed = CloudFormationTemplate.read(template);
        var provisioner = new Provisioner(parsed);
        // The emulators start, and the template's resources are made in them, on threads of their own while the API's
        // context starts on this one: each is mostly class loading, and the context needs the emulators' endpoints, not
        // their resources. Its server opens once both are done and the context has the template's values (queue URLs,
        // ARNs, names), so the first request finds everything there (BENCHMARKS.md, "Starting the local runtime").
        var emulatorsStarting = new FutureTask<>(() -> new Emulators(endpoints, o.inMemory() ? null : data, data.resolve("native"), provisioning(provisioner)));
        Thread.ofPlatform().name("emulators").start(emulatorsStarting);
        ApplicationContext context = null;
        Emulators emulators = null;
        DynamoDbClient barrierClient = null;
        com.sun.net.httpserver.HttpServer sfnListener = null;
        try {
            // the HTTP API's function runs in this runtime's Micronaut context
            var apiEvent = parsed.functionEvents("HttpApi").stream().findFirst();
            String apiFunction = apiEvent.map(CloudFormationTemplate.FunctionEvent::functionId).orElse(null);
            Map<String, Object> props = new HashMap<>();
            if (apiFunction != null) {
                props.put("aws.lambda.function.name", apiFunction);
                props.put("aws.local.access-key-id", apiFunction);   // the key its presigned URLs are signed with (Emulators.s3Signers)
                props.put("local.api.function-timeout-seconds", apiEvent.get().timeoutSeconds());   // HttpApiTimeout
            }
            props.put("aws.region", "local");
            props.put("aws.dynamodb.endpoint", endpoints.dynamoDb().toString());
            props.put("aws.sqs.endpoint", endpoints.sqs().toString());
            props.put("aws.s3.endpoint", endpoints.s3().toString());
            props.put("auth.mode", "hmac");
            props.put("auth.hmac-secret", o.inMemory() ? randomSecret() : persistentSecret(data.resolve("dev-token-secret")));
            props.put("local.runtime", "true");
            props.put("local.console-dir", o.root().resolve("console/dist").toString());   // ConsoleController
            if (!o.inMemory()) props.put("local.clock-file", data.resolve("clock-offset").toString());
            props.put("micronaut.server.port", o.port());
            props.put("micronaut.server.host", "127.0.0.1");
            // API Gateway (HTTP API) takes a request line and header values of up to 10,240 bytes: longer ones are
            // answered (RequestGuard refuses what is too long in it) rather than the connection dropped
            props.put("micronaut.server.netty.max-initial-line-length", 10_240);
            props.put("micronaut.server.netty.max-header-size", 10_240);
            // in AWS each request has a Lambda instance (and its one reused thread) to itself; here the controllers' blocking
            // calls run on the I/O pool's reused threads — never on Netty's few event-loop threads, which also lets
            // HttpApiTimeout answer on time, and not a new virtual thread per request, which would make the SDK's
            // per-thread signing state anew every time (BENCHMARKS.md, the rush)
            props.put("micronaut.server.thread-selection", "IO");
            // with data on disk, every write a function makes waits for DynamoDB Local's commit (DynamoDbCommitBarrier)
            barrierClient = o.inMemory() ? null : AwsClients.dynamoDb("local", endpoints.dynamoDb().toString());
            List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> plumbing =
                    barrierClient == null ? List.of() : List.of(new DynamoDbCommitBarrier(barrierClient));
            // the project's classes may come from a class loader of their own (the AOT training run, src/run/TrainingLauncher.java):
            // the context finds their beans through the loader that has them
            var api = ApplicationContext.builder().mainClass(LocalRuntime.class).classLoader(LocalRuntime.class.getClassLoader()).properties(props);
            plumbing.forEach(api::singletons);
            context = api.start();   // no bean is made yet: each is made when a request first needs it, after the server opens
            emulators = started(emulatorsStarting);
            provisioner.functions();
            var stateMachines = provisioner.stateMachines(o.root());
            var warnings = new ArrayList<String>();
            // every role of the template (functions, state machines) enforced on the calls made for it, as IAM would
            var emulation = new java.util.concurrent.atomic.AtomicReference<StepFunctionsEmulator>();
            var iam = new HashMap<String, IamEnforcement>();
            for (var r : java.util.stream.Stream.concat(parsed.resources("AWS::Serverless::Function").stream(), parsed.resources("AWS::Serverless::StateMachine").stream()).toList()) {
                iam.put(r.logicalId(), new IamEnforcement(RolePolicies.of(r.logicalId(), r.properties().get("Policies"), provisioner::evaluate),
                        provisioner::queueArn, token -> emulation.get() == null ? java.util.Optional.empty() : emulation.get().stateMachineOfToken(token)));
            }
            emulators.s3Signers(iam::get);
            // the emulation's port, bound now (not the API's, which the system may hand out until the server binds it), is
            // named to the functions and the API before the emulation serves on it
            sfnListener = StepFunctionsEmulator.listener(o.port());
            String sfnEndpoint = "http://127.0.0.1:" + sfnListener.getAddress().getPort();
            // each function's own environment, as Lambda gives it: the template's variables, the region, its name,
            // and the emulators' endpoints in the SDK's own variables
            var environments = new LinkedHashMap<String, Map<String, String>>();
            for (var f : parsed.resources("AWS::Serverless::Function")) {
                var env = new LinkedHashMap<>(provisioner.environment(f.logicalId(), warnings));
                env.put("AWS_REGION", "local");
                env.put("AWS_LAMBDA_FUNCTION_NAME", f.logicalId());
                env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDb.toString());
                env.put("AWS_ENDPOINT_URL_SQS", emulators.sqs.toString());
                env.put("AWS_ENDPOINT_URL_S3", emulators.s3.toString());
                env.put("AWS_ENDPOINT_URL_SFN", sfnEndpoint);
                environments.put(f.logicalId(), env);
            }
            // what exists only now: the resources the API function's variables name, and the emulation's endpoint. Where the
            // runtime sets a variable itself, the runtime's stays (AUTH_MODE: here the runtime checks the tokens' signatures,
            // which API Gateway's authorizer checks in AWS)
            var late = new HashMap<String, Object>();
            if (apiFunction != null) {
                late.putAll(provisioner.properties(apiFunction, new ArrayList<>()));
                late.keySet().removeAll(props.keySet());
                context.registerSingleton(iam.get(apiFunction));   // the API's SDK clients carry its role's check
            }
            late.put("aws.sfn.endpoint", sfnEndpoint);
            context.getEnvironment().addPropertySource(PropertySource.of("template.yaml", late));
            var server = context.getBean(EmbeddedServer.class);
            server.start();
            var runtime = new LocalRuntime(emulators, context, URI.create("http://localhost:" + server.getPort()));
            var b = runtime.banner;
            b.add("Teacher training platform — local runtime");
            b.add("  API            " + runtime.api + "   (OpenAPI: " + runtime.api + "/openapi.yaml)");
            b.add("  DynamoDB Local " + emulators.dynamoDb);
            b.add("  ElasticMQ/SQS  " + emulators.sqs);
            b.add("  S3Proxy        " + emulators.s3);
            b.add("  data           " + (o.inMemory() ? "in memory" : data + (o.clean() ? " (started clean)" : " (kept across restarts; --clean starts over)")));
            provisioner.created().forEach(c -> b.add("  created        " + c));
            Clock clock = context.getBean(Clock.class);
            runtime.barrierClient = barrierClient;
            runtime.environments = id -> {
                var interceptors = new ArrayList<software.amazon.awssdk.core.interceptor.ExecutionInterceptor>(plumbing);
                interceptors.add(0, iam.get(id));
                return new FunctionEnvironment(environments.get(id), clock, interceptors);
            };
            // one instance of each function's handler in this JVM, whoever invokes it: tasks, schedules, queues, uploads
            var functions = new LocalFunctions(parsed, runtime.environments);
            // a state machine's task invokes its function with the state machine's role
            var byArn = new HashMap<String, IamEnforcement>();
            stateMachines.forEach(m -> byArn.put(provisioner.refs.get(m.logicalId()), iam.get(m.logicalId())));
            LambdaInvoker invoker = new LambdaInvoker() {
                @Override
                public com.fasterxml.jackson.databind.JsonNode invoke(String functionName, com.fasterxml.jackson.databind.JsonNode payload) {
                    return functions.invoke(functionName, payload);
                }

                @Override
                public com.fasterxml.jackson.databind.JsonNode invoke(String stateMachineArn, String functionName, com.fasterxml.jackson.databind.JsonNode payload) {
                    var role = byArn.get(stateMachineArn);
                    String arn = functionName.startsWith("arn:") ? functionName : "arn:aws:lambda:local:000000000000:function:" + functionName;
                    if (role != null) role.require("Lambda", new IamEnforcement.Check("lambda:InvokeFunction", arn));
                    return functions.invoke(functionName, payload);
                }
            };
            runtime.startStepFunctions(o.inMemory() ? null : data.resolve("stepfunctions"), sfnListener, invoker, stateMachines);
            emulation.set(runtime.stepFunctions);
            runtime.startSchedules(parsed, functions, o.inMemory() ? null : data.resolve("schedules-completed.properties"));
            runtime.startEventSources(SqsEventSources.of(parsed, provisioner), S3Notifications.of(parsed, provisioner), functions);
            warnings.forEach(w -> b.add("  WARNING        " + w));
            if (o.demo()) {
                long started = System.nanoTime();
                String demo = DemoSeeds.load(context, data, o.inMemory());
                b.add("  demo           " + demo + String.format(" (%.1f s)", (System.nanoTime() - started) / 1e9));
            }
            b.add("  tokens         curl -s -X POST " + runtime.api + "/dev/tokens -H 'Content-Type: application/json' "
                    + "-d '{\"sub\":\"admin\",\"role\":\"PROVINCE_ADMIN\",\"jurisdiction\":\"410000\"}'");
            context.getBean(StartingGate.class).open();
            return runtime;
        } catch (Exception e) {
            if (context != null) context.close();
            if (barrierClient != null) barrierClient.close();
            if (sfnListener != null) sfnListener.stop(0);
            if (emulators == null) {   // the context failed first: the emulators are stopped once their start has ended
                try {
                    emulators = started(emulatorsStarting);
                } catch (Exception failed) {
                    if (failed != e) e.addSuppressed(failed);
                }
            }
            if (emulators != null) emulators.close();
            throw e;
        }
    }

    /** What the runtime makes in each emulator as soon as it serves: the template's resources of that kind (none refers to another kind). */
    private static Emulators.WhenServing provisioning(Provisioner provisioner) {
        return new Emulators.WhenServing() {
            @Override
            public void dynamoDb(URI endpoint) {
                try (var dynamo = AwsClients.dynamoDb("local", endpoint.toString())) {
                    provisioner.tables(dynamo);
                }
            }

            @Override
            public void sqs(URI endpoint) {
                try (var sqs = AwsClients.sqs("local", endpoint.toString())) {
                    provisioner.queues(sqs);
                }
            }

            @Override
            public void s3(URI endpoint) {
                // us-east-1: the one region whose CreateBucket sends no location constraint, which S3Proxy refuses for "local"
                try (var s3 = AwsClients.s3("us-east-1", endpoint.toString())) {
                    provisioner.buckets(s3);
                }
            }
        };
    }

    /** The emulators, once their start has ended; its failure as it was thrown. */
    private static Emulators started(FutureTask<Emulators> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    public URI api() {
        return api;
    }

    /** What the runtime printed when it started: its endpoints, mappings and, with --demo, the demo program it loaded. */
    public List<String> banner() {
        return List.copyOf(banner);
    }

    /** A function's environment, as the runtime gives it to that function (tests build handlers with it). */
    public FunctionEnvironment functionEnvironment(String functionId) {
        return environments.apply(functionId);
    }

    /**
     * The Step Functions emulation on {@code port}, on the platform's clock, calling the template's functions
     * in this JVM; the template's state machines are created in it (or found, after a restart).
     */
    private void startStepFunctions(Path dir, com.sun.net.httpserver.HttpServer listener, LambdaInvoker functions, List<Provisioner.StateMachine> machines) throws Exception {
        stepFunctions = new StepFunctionsEmulator(dir, context.getBean(Clock.class), functions, "local");
        stepFunctionsEndpoint = stepFunctions.start(listener);
        banner.add("  Step Functions " + stepFunctionsEndpoint + "   (executions " + (dir == null ? "in memory" : "kept in " + dir) + ")");
        for (var m : machines) {
            banner.add("  state machine  " + m.name() + " → " + stepFunctions.createStateMachine(m.name(), m.definition()));
        }
    }

    /** The template's schedules, on the platform's clock, calling the functions in this JVM; {@code completed}: see {@link Schedules}. */
    private void startSchedules(CloudFormationTemplate template, LocalFunctions functions, Path completed) {
        var list = Schedules.of(template);
        if (list.isEmpty()) return;
        schedules = new Schedules(list, functions, context.getBean(Clock.class), completed);
        list.forEach(s -> banner.add("  schedule       " + s.expression() + " " + s.zone() + " → " + s.functionId()));
        schedules.start();
    }

    @SuppressWarnings("unchecked")
    private void startEventSources(List<SqsEventSources.Mapping> sqsMappings, List<S3Notifications.Mapping> s3Mappings, LocalFunctions functions) {
        if (sqsMappings.isEmpty() && s3Mappings.isEmpty()) return;
        eventSourceClient = AwsClients.sqs("local", emulators.sqs.toString());
        eventSources = new SqsEventSources(eventSourceClient);
        for (var m : sqsMappings) {
            var handler = (RequestHandler<SQSEvent, ?>) (RequestHandler<?, ?>) functions.handler(m.functionId());
            eventSources.start(m, handler);
            banner.add("  SQS mapping    " + m.queueArn().substring(m.queueArn().lastIndexOf(':') + 1) + " → " + m.functionId()
                    + " (batch " + m.batchSize() + (m.reportItemFailures() ? ", partial batch failure" : "") + ")");
        }
        var s3Handlers = new HashMap<String, RequestHandler<S3Event, ?>>();
        for (var m : s3Mappings) {
            s3Handlers.put(m.functionId(), (RequestHandler<S3Event, ?>) (RequestHandler<?, ?>) functions.handler(m.functionId()));
            banner.add("  S3 events      " + m.bucket() + "/" + m.prefix() + "*" + m.suffix() + " " + m.events() + " → " + m.functionId());
        }
        s3Notifications = new S3Notifications(s3Mappings, s3Handlers, context.getBean(Clock.class), eventSourceClient);
        emulators.store.listener(s3Notifications);
    }

    public ApplicationContext context() {
        return context;
    }

    public URI dynamoDbEndpoint() {
        return emulators.dynamoDb;
    }

    public URI sqsEndpoint() {
        return emulators.sqs;
    }

    URI stepFunctionsEndpoint() {
        return stepFunctionsEndpoint;
    }

    public URI s3Endpoint() {
        return emulators.s3;
    }

    @Override
    public void close() throws Exception {
        if (eventSources != null) {
            emulators.store.listener((bucket, key, size, eTag) -> { });
            s3Notifications.close();
            eventSources.close();
            eventSourceClient.close();
        }
        if (stepFunctions != null) stepFunctions.close();
        if (schedules != null) schedules.close();
        context.close();
        if (barrierClient != null) barrierClient.close();
        emulators.close();
    }

    static Options parse(String[] given) {
        // Maven passes run.args as one argument: split it
        String[] args = Arrays.stream(given).flatMap(a -> Arrays.stream(a.strip().split("\\s+"))).toArray(String[]::new);
        Path root = null;
        int port = 8080;
        boolean clean = false, demo = false, inMemory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--clean" -> clean = true;
                case "--demo" -> demo = true;
                case "--in-memory" -> inMemory = true;
                case "--root" -> root = Path.of(args[++i]);
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see LocalRuntime's Javadoc)");
            }
        }
        return new Options(root == null ? findRoot() : root.toAbsolutePath().normalize(), port, clean, demo, inMemory);
    }

    /** The nearest directory upwards from the working directory that holds template.yaml. */
    public static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml"))) return p;
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    private static String persistentSecret(Path file) throws IOException {
        if (!Files.exists(file)) Files.writeString(file, randomSecret());
        return Files.readString(file).strip();
    }

    private static String randomSecret() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
