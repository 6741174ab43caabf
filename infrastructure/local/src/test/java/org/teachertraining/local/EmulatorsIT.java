package org.teachertraining.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachertraining.adapters.aws.AwsClients;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The emulators' start: each emulator's resources are provisioned as soon as it serves, while the others may still
 * be starting; a failure there stops every emulator that started, so a failed start leaves no port held.
 */
class EmulatorsIT {

    @Test
    void eachEmulatorServesWhenItsProvisioningRuns_andAFailureThereStopsAllThree(@TempDir Path dir) {
        var endpoints = new CopyOnWriteArrayList<URI>();
        var failure = assertThrows(IllegalStateException.class, () -> new Emulators(Emulators.Endpoints.reserve(), null, dir.resolve("native"), new Emulators.WhenServing() {
            @Override
            public void dynamoDb(URI endpoint) {
                endpoints.add(endpoint);
                try (var dynamo = AwsClients.dynamoDb("local", endpoint.toString())) {
                    assertEquals(List.of(), dynamo.listTables().tableNames());
                }
            }

            @Override
            public void sqs(URI endpoint) {
                endpoints.add(endpoint);
                try (var sqs = AwsClients.sqs("local", endpoint.toString())) {
                    sqs.listQueues();
                }
                throw new IllegalStateException("a queue could not be created");
            }

            @Override
            public void s3(URI endpoint) {
                endpoints.add(endpoint);
                try (var s3 = AwsClients.s3("us-east-1", endpoint.toString())) {
                    assertEquals(List.of(), s3.listBuckets().buckets());
                }
            }
        }).close());
        assertEquals("a queue could not be created", failure.getMessage());
        assertEquals(3, endpoints.size(), "each emulator served and was provisioned: " + endpoints);
        for (var endpoint : endpoints) {
            assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
                    endpoint + " still listens after the failed start");
        }
        assertEquals(List.of(), List.of(failure.getSuppressed()), "only the one failure");
    }
}
