package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls a function of the local runtime by name; a function error comes back as an {@link AslError} named by its error type. */
@FunctionalInterface
public interface LambdaInvoker {
    JsonNode invoke(String functionName, JsonNode payload);
}
