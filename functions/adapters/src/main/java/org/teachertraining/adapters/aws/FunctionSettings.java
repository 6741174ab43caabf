package org.teachertraining.adapters.aws;

/** Settings of a plain (framework-less) function: its Lambda environment, or the system properties the local runtime sets. */
public final class FunctionSettings {
    private FunctionSettings() {}

    /** {@code env} from the environment, else {@code property}, else {@code fallback}; null fallback means required. */
    public static String setting(String env, String property, String fallback) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) v = System.getProperty(property, fallback);
        if (v == null) throw new IllegalStateException(env + " is not set");
        return v;
    }

    /** The function's region: Lambda's, or the local runtime's. */
    public static String region() {
        return setting("AWS_REGION", "aws.region", "cn-north-1");
    }

    /** The platform's table, reached as the function's environment says (the emulator locally). */
    public static org.teachertraining.adapters.dynamodb.TrainingTable trainingTable() {
        return new org.teachertraining.adapters.dynamodb.TrainingTable(
                AwsClients.dynamoDb(region(), setting("AWS_ENDPOINT_URL_DYNAMODB", "aws.dynamodb.endpoint", "")), setting("TRAINING_TABLE", "training.table", null));
    }

    /**
     * The functions' clock: the system clock in Lambda; in the local runtime, shifted by the offset its
     * clock is set to ({@code local.clock.offset}, an ISO-8601 duration kept current by the runtime), so the
     * functions it runs in-process see the same time as its API and its Step Functions.
     */
    public static java.time.Clock clock() {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return java.time.Clock.offset(java.time.Clock.system(zone), offset());
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.now().plus(offset());
            }

            private java.time.Duration offset() {
                String o = System.getProperty("local.clock.offset");
                return o == null ? java.time.Duration.ZERO : java.time.Duration.parse(o);
            }
        };
    }
}
