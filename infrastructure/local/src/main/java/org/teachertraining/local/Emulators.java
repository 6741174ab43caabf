package org.teachertraining.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.typesafe.config.ConfigFactory;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scalikejdbc.ConnectionPool$;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real emulators, in this JVM: DynamoDB Local, ElasticMQ (SQS) and S3Proxy (S3, jclouds filesystem
 * store). Each listens on 127.0.0.1; the application reaches them through the normal SDK clients.
 *
 * <p>With a data directory, everything acknowledged is on disk before the answer: DynamoDB Local's SQLite
 * files, S3Proxy's files, and ElasticMQ's queues and messages in an H2 database that commits every change
 * as it happens ({@code WRITE_DELAY=0}: a message SendMessage acknowledged survives kill -9).
 */
final class Emulators implements AutoCloseable {
    final URI dynamoDb;
    final URI sqs;
    final URI s3;
    private final DynamoDBProxyServer dynamoServer;
    /** Stops ElasticMQ (its HTTP server, then its actor system). */
    private final scala.Function0<?> sqsStop;
    private final boolean sqsPersistent;
    /** The emulators' credentials (every SDK client here signs with them; S3 checks the signature). */
    static final String LOCAL_KEY = "local", LOCAL_SECRET = "local";
    private final S3Proxy s3Proxy;
    private final BlobStoreContext blobStore;
    /** The store S3Proxy writes through: it tells the local runtime of every object stored (S3 notifications). */
    final NotifyingBlobStore store;

    /**
     * Starts the three emulators side by side (each is mostly class loading and its own initialisation, so the
     * runtime's start takes as long as the slowest of them, not their sum), and in each, as soon as it serves, what
     * {@code whenServing} says for it (the runtime provisions the template's tables, queues and buckets there while
     * the slower emulators still start); if anything fails, the emulators that started are stopped again.
     *
     * @param endpoints where they serve ({@link Endpoints#reserve}: known before they start, so the API's context can be
     *                  given them while they start)
     * @param dataDir where DynamoDB and S3 keep their files; null keeps everything in memory
     */
    Emulators(Endpoints endpoints, Path dataDir, Path nativeDir, WhenServing whenServing) throws Exception {
        dynamoDb = endpoints.dynamoDb();
        sqs = endpoints.sqs();
        s3 = endpoints.s3();
        int dynamoPort = dynamoDb.getPort(), sqsPort = sqs.getPort();
        sqsPersistent = dataDir != null;
        var dynamoStarted = new AtomicReference<DynamoDBProxyServer>();
        var sqsStarted = new AtomicReference<scala.Function0<?>>();
        var s3Started = new AtomicReference<S3Store>();
        try {
            allAtOnce("emulator-start",
                    () -> {
                        dynamoStarted.set(listening("DynamoDB Local", dynamoDb, () -> startDynamoDb(dynamoPort, dataDir, nativeDir)));
                        whenServing.dynamoDb(dynamoDb);
                    }, () -> {
                        sqsStarted.set(listening("ElasticMQ", sqs, () -> startElasticMq(sqsPort, sqsPersistent ? mkdirs(dataDir.resolve("sqs")).resolve("messages") : null)));
                        whenServing.sqs(sqs);
                    }, () -> {
                        s3Started.set(listening("S3Proxy", s3, () -> startS3Proxy(s3, dataDir)));
                        whenServing.s3(s3);
                    });
        } catch (Exception e) {
            stop(s3Started.get(), sqsStarted.get(), dynamoStarted.get());
            throw e;
        }
        dynamoServer = dynamoStarted.get();
        sqsStop = sqsStarted.get();
        blobStore = s3Started.get().context();
        store = s3Started.get().store();
        s3Proxy = s3Started.get().proxy();
    }

    /**
     * {@code start}'s emulator, listening on {@code endpoint}; if its port was taken between {@link Endpoints#reserve} and
     * now (another process's connection may take it as its local port), {@link PortTaken}.
     */
    private static <T> T listening(String emulator, URI endpoint, Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) throw new PortTaken(emulator, endpoint, e);
            }
            throw e;
        }
    }

    /** An emulator could not listen on the port reserved for it: something else took it. Other ports will do. */
    static final class PortTaken extends IOException {
        PortTaken(String emulator, URI endpoint, Exception cause) {
            super(emulator + " could not listen on " + endpoint + ": the port was taken after it was reserved", cause);
        }
    }

    private static DynamoDBProxyServer startDynamoDb(int port, Path dataDir, Path nativeDir) throws Exception {
        // DynamoDB Local's SQLite binding loads its native library from this directory
        com.almworks.sqlite4java.SQLite.setLibraryPath(extractSqliteNative(nativeDir).toString());
        String[] args = dataDir == null
                ? new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)}
                : new String[]{"-dbPath", mkdirs(dataDir.resolve("dynamodb")).toString(), "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
        var server = ServerRunner.createServerFromCommandLineArgs(args);
        server.start();
        return server;
    }

    /** S3Proxy in front of jclouds' store (files under {@code dataDir}/s3, or memory), and the store it writes through. */
    private record S3Store(BlobStoreContext context, NotifyingBlobStore store, S3Proxy proxy) {}

    private static S3Store startS3Proxy(URI endpoint, Path dataDir) throws Exception {
        var props = new Properties();
        String provider = dataDir == null ? "transient" : "filesystem";
        if (dataDir != null) props.setProperty("jclouds.filesystem.basedir", mkdirs(dataDir.resolve("s3")).toString());
        var context = ContextBuilder.newBuilder(provider).overrides(props).build(BlobStoreContext.class);
        var store = new NotifyingBlobStore(context.getBlobStore());
        // signatures are checked, as S3 checks them: presigned upload URLs expire and bind their signed headers
        // the console PUTs uploads from the browser straight to their presigned URLs, as the bucket's CORS rule allows in AWS
        // (S3Proxy reads each allowed origin as a regular expression)
        var consoleOrigins = new org.gaul.s3proxy.CrossOriginResourceSharing(List.of("http://(localhost|127\\.0\\.0\\.1):[0-9]{1,5}"),
                List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("ETag"), "false");
        var proxy = S3Proxy.builder().blobStore(store).endpoint(endpoint).corsRules(consoleOrigins)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LOCAL_KEY, LOCAL_SECRET).build();
        try {
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            context.close();
            throw e;
        }
        return new S3Store(context, store, proxy);
    }

    /**
     * Who signs S3 requests: the runtime's own key {@code local} may do anything (it provisions); a function's key
     * (its logical ID, as {@code AWS_ACCESS_KEY_ID} is its role's in Lambda) is held to its role's policy, so a
     * URL it presigned is authorized as S3 authorizes it, when it is used. Any other key is S3's InvalidAccessKeyId.
     */
    void s3Signers(java.util.function.Function<String, org.teachertraining.local.iam.IamEnforcement> roleOfKey) {
        s3Proxy.setBlobStoreLocator((identity, bucket, key) -> {
            if (LOCAL_KEY.equals(identity)) return Map.entry(LOCAL_SECRET, store);
            var role = identity == null ? null : roleOfKey.apply(identity);
            return role == null ? null : Map.entry(LOCAL_SECRET, new RoleCheckedBlobStore(store, role));
        });
    }

    @Override
    public void close() throws Exception {
        stop(new S3Store(blobStore, store, s3Proxy), sqsStop, dynamoServer);
    }

    /** Stops whichever of the emulators is given (null: not started). */
    private void stop(S3Store s3Store, scala.Function0<?> sqsStop, DynamoDBProxyServer dynamoServer) throws Exception {
        if (s3Store != null) {
            s3Store.proxy().stop();
            s3Store.context().close();
        }
        if (sqsStop != null) {
            sqsStop.apply();
            if (sqsPersistent) ConnectionPool$.MODULE$.closeAll();
        }
        if (dynamoServer != null) dynamoServer.stop();
    }

    /** Where the three emulators serve, on 127.0.0.1. */
    record Endpoints(URI dynamoDb, URI sqs, URI s3) {
        /**
         * Three free ports, chosen now, and each a different one: all three are held at once while they are chosen (one
         * closed before the next is chosen may be chosen again).
         */
        static Endpoints reserve() throws IOException {
            return reserve(0);
        }

        /**
         * As {@link #reserve()}, none of them {@code serverPort}: the API's port is only bound once the emulators serve,
         * and until then the system may hand it out as a free port (a run of LocalRuntimeLauncherIT, given a free port for
         * its server, had an emulator answer on it).
         */
        static Endpoints reserve(int serverPort) throws IOException {
            while (true) {
                try (var dynamoDb = new ServerSocket(0); var sqs = new ServerSocket(0); var s3 = new ServerSocket(0)) {
                    var chosen = new Endpoints(local(dynamoDb), local(sqs), local(s3));
                    if (java.util.stream.Stream.of(dynamoDb, sqs, s3).noneMatch(socket -> socket.getLocalPort() == serverPort)) return chosen;
                }
            }
        }

        private static URI local(ServerSocket socket) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** What to do in each emulator as soon as it serves (given its endpoint), on the thread that started it. */
    interface WhenServing {
        void dynamoDb(URI endpoint) throws Exception;

        void sqs(URI endpoint) throws Exception;

        void s3(URI endpoint) throws Exception;
    }

    /** Work that may throw, for {@link #allAtOnce}. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code steps} at once, each on its own thread named {@code name}, and returns when all have ended; the
     * first failure is thrown, the others suppressed in it.
     */
    static void allAtOnce(String name, Step... steps) throws Exception {
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Exception>();
        var threads = new ArrayList<Thread>();
        for (var step : steps) {
            threads.add(Thread.ofPlatform().name(name).start(() -> {
                try {
                    step.run();
                } catch (Exception e) {
                    failures.add(e);
                } catch (Error e) {
                    failures.add(new IllegalStateException(e));
                }
            }));
        }
        for (var t : threads) t.join();
        var first = failures.poll();
        if (first == null) return;
        failures.forEach(first::addSuppressed);
        throw first;
    }

    /**
     * ElasticMQ on {@code port}; with {@code store}, its queues and messages are kept in that H2 database and
     * restored at start. ElasticMQ reaches the database through scalikejdbc's default connection pool, which
     * is one per JVM and set up only once: it is pointed here at this store, so that runtimes started one
     * after another in one JVM (the tests) each use their own.
     */
    private static scala.Function0<?> startElasticMq(int port, Path store) throws SQLException {
        String settings = "rest-sqs { bind-hostname = \"127.0.0.1\", bind-port = " + port + " }\n"
                + "node-address { host = \"127.0.0.1\", port = " + port + " }\n";
        if (store != null) {
            String url = "jdbc:h2:file:" + store.toAbsolutePath() + ";WRITE_DELAY=0";
            returnMessagesInFlight(url);
            var pool = ConnectionPool$.MODULE$;
            pool.singleton(url, "", "", pool.singleton$default$4(), pool.singleton$default$5(url, "", "", pool.singleton$default$4()));
            settings += "messages-storage { enabled = true, uri = \"" + url + "\" }\n";
        }
        var config = new ElasticMQServerConfig(ConfigFactory.parseString(settings).withFallback(ConfigFactory.load()));
        return new ElasticMQServer(config).start();
    }

    /**
     * Messages received but not deleted when the last run ended (a kill, a crash) were being handled by that
     * run's pollers, which died with it. In AWS they would come back after the visibility timeout (180 s for
     * credit postings); here nobody else can hold them, so they are made visible at once. A message never
     * received keeps its delay.
     */
    private static void returnMessagesInFlight(String url) throws SQLException {
        long now = System.currentTimeMillis();
        try (var db = DriverManager.getConnection(url, "", "");
             var tables = db.getMetaData().getTables(null, null, "MESSAGE_%", new String[]{"TABLE"})) {
            while (tables.next()) {
                try (var update = db.prepareStatement("UPDATE \"" + tables.getString("TABLE_NAME").replace("\"", "")
                        + "\" SET next_delivery = ? WHERE receive_count > 0 AND next_delivery > ?")) {
                    update.setLong(1, now);
                    update.setLong(2, now);
                    update.executeUpdate();
                }
            }
        }
    }

    /**
     * sqlite4java (inside DynamoDB Local) loads its native library from a directory; Maven puts the
     * library on the class path as a plain file, so copy it out under the name sqlite4java expects.
     */
    private static Path extractSqliteNative(Path nativeDir) throws IOException {
        mkdirs(nativeDir);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("libsqlite4java-linux-amd64") && name.endsWith(".so")) {
                // through a file of its own, moved into place: another runtime (the AOT cache's training run, a test) may be
                // loading the library from this directory at this moment
                Path part = Files.createTempFile(nativeDir, "libsqlite4java", ".part");
                Files.copy(Path.of(entry), part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, nativeDir.resolve("libsqlite4java-linux-amd64.so"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return nativeDir;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
