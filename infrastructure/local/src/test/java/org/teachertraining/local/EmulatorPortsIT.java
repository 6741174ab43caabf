package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulators' ports are reserved free, but not held until the emulators listen: a port taken in between (another
 * process's connection may take it as its local port) must cost a start on other ports, not the runtime's start.
 */
class EmulatorPortsIT {

    private static final Emulators.WhenServing NOTHING = new Emulators.WhenServing() {
        @Override
        public void dynamoDb(URI endpoint) {}

        @Override
        public void sqs(URI endpoint) {}

        @Override
        public void s3(URI endpoint) {}
    };

    @Test
    void reservedPortsAreThreeDifferentOnes() throws Exception {
        for (int i = 0; i < 200; i++) {
            var e = Emulators.Endpoints.reserve();
            assertEquals(3, Set.of(e.dynamoDb().getPort(), e.sqs().getPort(), e.s3().getPort()).size(), e.toString());
        }
    }

    @Test
    void eachEmulatorWhosePortIsTakenSaysSo_andLeavesNothingListening(@TempDir Path dir) throws Exception {
        for (String taken : List.of("DynamoDB Local", "ElasticMQ", "S3Proxy")) {
            try (var holder = holdAPort()) {
                var free = Emulators.Endpoints.reserve();
                URI held = local(holder.getLocalPort());
                var endpoints = switch (taken) {
                    case "DynamoDB Local" -> new Emulators.Endpoints(held, free.sqs(), free.s3());
                    case "ElasticMQ" -> new Emulators.Endpoints(free.dynamoDb(), held, free.s3());
                    default -> new Emulators.Endpoints(free.dynamoDb(), free.sqs(), held);
                };
                var failure = assertThrows(Emulators.PortTaken.class, () -> new Emulators(endpoints, null, dir.resolve("native"), NOTHING).close());
                assertEquals(taken + " could not listen on " + held + ": the port was taken after it was reserved", failure.getMessage());
                assertNothingListens(endpoints, held);
            }
        }
    }

    @Test
    void theRuntimeStartsAgainOnOtherPorts_whenAnEmulatorsPortWasTaken() throws Exception {
        try (var holder = holdAPort()) {
            URI held = local(holder.getLocalPort());
            var reserved = new ArrayList<Emulators.Endpoints>();
            try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true), () -> {
                var free = Emulators.Endpoints.reserve();
                // the first start finds ElasticMQ's port taken, the second S3Proxy's, the third none
                var e = switch (reserved.size()) {
                    case 0 -> new Emulators.Endpoints(free.dynamoDb(), held, free.s3());
                    case 1 -> new Emulators.Endpoints(free.dynamoDb(), free.sqs(), held);
                    default -> free;
                };
                reserved.add(e);
                return e;
            })) {
                assertEquals(LocalRuntime.PORT_ATTEMPTS, reserved.size(), "reservations: " + reserved);
                assertEquals(reserved.getLast().sqs(), runtime.sqsEndpoint());
                assertNotEquals(held, runtime.s3Endpoint());
                var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.api().resolve("/openapi.yaml")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
            }
            // the failed starts left none of their emulators listening
            reserved.forEach(e -> assertNothingListens(e, held));
        }
    }

    /**
     * As above, with the data kept on disk, as a person runs it (and as a restart after kill -9 does): the failed starts
     * must release what they opened there (DynamoDB's files, ElasticMQ's message store) for the next start to open.
     */
    @Test
    void withDataOnDisk_theRuntimeStartsAgainOnOtherPorts_whicheverEmulatorsPortWasTaken(@TempDir Path root) throws Exception {
        Api.copyTemplate(root);
        try (var holder = holdAPort()) {
            URI held = local(holder.getLocalPort());
            var reserved = new ArrayList<Emulators.Endpoints>();
            try (var runtime = LocalRuntime.start(new LocalRuntime.Options(root, 0, false, false, false), () -> {
                var free = Emulators.Endpoints.reserve();
                // DynamoDB Local's port taken, then ElasticMQ's; the third start finds them free
                var e = switch (reserved.size()) {
                    case 0 -> new Emulators.Endpoints(held, free.sqs(), free.s3());
                    case 1 -> new Emulators.Endpoints(free.dynamoDb(), held, free.s3());
                    default -> free;
                };
                reserved.add(e);
                return e;
            })) {
                assertEquals(LocalRuntime.PORT_ATTEMPTS, reserved.size(), "reservations: " + reserved);
                var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.api().resolve("/openapi.yaml")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
            }
            reserved.forEach(e -> assertNothingListens(e, held));
        }
    }

    @Test
    void afterAsManyStartsAsAllowed_theRuntimeFailsNamingThePort() throws Exception {
        try (var holder = holdAPort()) {
            URI held = local(holder.getLocalPort());
            var calls = new AtomicInteger();
            var failure = assertThrows(Emulators.PortTaken.class, () -> LocalRuntime.start(
                    new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true), () -> {
                        calls.incrementAndGet();
                        var free = Emulators.Endpoints.reserve();
                        return new Emulators.Endpoints(free.dynamoDb(), held, free.s3());
                    }).close());
            assertEquals(LocalRuntime.PORT_ATTEMPTS, calls.get());
            assertTrue(failure.getMessage().contains(held.toString()), failure.getMessage());
        }
    }

    /** No emulator listens on {@code endpoints} after a failed start; {@code held}, the test's own socket, aside. */
    private static void assertNothingListens(Emulators.Endpoints endpoints, URI held) {
        for (var endpoint : List.of(endpoints.dynamoDb(), endpoints.sqs(), endpoints.s3())) {
            if (endpoint.equals(held)) continue;
            assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(), endpoint + " still listens");
        }
    }

    /** A port held by a listening socket on 127.0.0.1, where the emulators listen. */
    private static ServerSocket holdAPort() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
