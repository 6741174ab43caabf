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
}
