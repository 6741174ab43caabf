package org.teachertraining.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
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
import java.util.Properties;

/**
 * The real emulators, in this JVM: DynamoDB Local, ElasticMQ (SQS) and S3Proxy (S3, jclouds filesystem
 * store). Each listens on 127.0.0.1; the application reaches them through the normal SDK clients.
 */
final class Emulators implements AutoCloseable {
    final URI dynamoDb;
    final URI sqs;
    final URI s3;
    private final DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final S3Proxy s3Proxy;
    private final BlobStoreContext blobStore;
    /** The store S3Proxy writes through: it tells the local runtime of every object stored (S3 notifications). */
    final NotifyingBlobStore store;

    /** @param dataDir where DynamoDB and S3 keep their files; null keeps everything in memory */
    Emulators(Path dataDir, Path nativeDir) throws Exception {
        int dynamoPort = freePort(), sqsPort = freePort(), s3Port = freePort();
        System.setProperty("sqlite4java.library.path", extractSqliteNative(nativeDir).toString());
        String[] dynamoArgs = dataDir == null
                ? new String[]{"-inMemory", "-sharedDb", "-port", Integer.toString(dynamoPort)}
                : new String[]{"-dbPath", mkdirs(dataDir.resolve("dynamodb")).toString(), "-sharedDb", "-port", Integer.toString(dynamoPort)};
        dynamoServer = ServerRunner.createServerFromCommandLineArgs(dynamoArgs);
        dynamoServer.start();
        dynamoDb = URI.create("http://127.0.0.1:" + dynamoPort);

        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sqsPort).start();
        sqsServer.waitUntilStarted();
        sqs = URI.create("http://127.0.0.1:" + sqsPort);

        var props = new Properties();
        String provider = dataDir == null ? "transient" : "filesystem";
        if (dataDir != null) props.setProperty("jclouds.filesystem.basedir", mkdirs(dataDir.resolve("s3")).toString());
        blobStore = ContextBuilder.newBuilder(provider).overrides(props).build(BlobStoreContext.class);
        s3 = URI.create("http://127.0.0.1:" + s3Port);
        store = new NotifyingBlobStore(blobStore.getBlobStore());
        // signatures are checked, as S3 checks them: presigned upload URLs expire and bind their signed headers
        s3Proxy = S3Proxy.builder().blobStore(store).endpoint(s3)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "local", "local").build();
        s3Proxy.start();
        while (!s3Proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws Exception {
        s3Proxy.stop();
        blobStore.close();
        sqsServer.stopAndWait();
        dynamoServer.stop();
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
                Files.copy(Path.of(entry), nativeDir.resolve("libsqlite4java-linux-amd64.so"), StandardCopyOption.REPLACE_EXISTING);
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

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
