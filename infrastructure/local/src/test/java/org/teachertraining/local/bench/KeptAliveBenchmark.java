package org.teachertraining.local.bench;

import org.junit.jupiter.api.Test;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.local.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DynamoDB calls through the SDK's URL-connection client as it comes ({@code stock}) and through the platform's
 * {@code AwsClients.dynamoDb} ({@code KeptAliveHttpClient} around the same client), side by side against the local
 * runtime's DynamoDB Local: rounds of {@value #CALLS} calls (a PutItem then a GetItem of the same item, each read
 * checked) by 1 and by 8 threads, interleaved stock, platform, platform, stock after a warm-up round of each; means
 * of {@value #ROUNDS} rounds. Gated: the platform's calls per second as a ratio to stock's.
 */
class KeptAliveBenchmark {
    static final int CALLS = 2_000, ROUNDS = 4;

    @Test
    void keptAlive() throws Exception {
        var figures = new LinkedHashMap<String, Double>();
        var better = new LinkedHashMap<String, Boolean>();
        try (var runtime = LocalRuntime.start(new LocalRuntime.Options(LocalRuntime.findRoot(), 0, false, false, true));
             var stock = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of("local"))
                     .endpointOverride(runtime.dynamoDbEndpoint()).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
             var platform = AwsClients.dynamoDb("local", runtime.dynamoDbEndpoint().toString())) {
            for (int threads : new int[] {1, 8}) {
                rate(stock, threads, "warm-up");
                rate(platform, threads, "warm-up");
                double s = 0, p = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    boolean stockFirst = r % 2 == 0;
                    if (stockFirst) s += rate(stock, threads, "s" + r);
                    p += rate(platform, threads, "p" + r);
                    if (!stockFirst) s += rate(stock, threads, "s" + r);
                }
                s /= ROUNDS;
                p /= ROUNDS;
                System.out.printf("kept-alive connections, %d thread(s): stock URL-connection client %.0f calls/s, the platform's %.0f calls/s, ratio %.2f%n", threads, s, p, p / s);
                figures.put("T" + threads + ".stockCallsPerSecond", s);
                figures.put("T" + threads + ".platformCallsPerSecond", p);
                figures.put("T" + threads + ".ratioToStock", p / s);
                better.put("T" + threads + ".ratioToStock", true);
            }
        }
        Baseline.check("keptAlive", figures, better);
    }

    /** Calls per second of one round: {@value #CALLS} calls shared by {@code threads}, each PutItem followed by the GetItem of it. */
    static double rate(DynamoDbClient client, int threads, String round) throws Exception {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            long t0 = System.nanoTime();
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS / threads / 2; i++) {
                        var key = Map.of("PK", AttributeValue.fromS("BENCH#" + round + "#" + thread), "SK", AttributeValue.fromS("ITEM#" + i));
                        var item = new HashMap<>(key);
                        item.put("payload", AttributeValue.fromS("x".repeat(200 + i % 50)));
                        client.putItem(b -> b.tableName("TrainingTable").item(item));
                        assertEquals(item, client.getItem(b -> b.tableName("TrainingTable").key(key).consistentRead(true)).item());
                    }
                    return null;
                }));
            }
            for (var f : done) f.get();
            return CALLS / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
