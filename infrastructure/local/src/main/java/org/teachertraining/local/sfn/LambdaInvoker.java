package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls a function of the local runtime by name; a function error comes back as an {@link AslError} named by its error type. */
@FunctionalInterface
public interface LambdaInvoker {
    JsonNode invoke(String functionName, JsonNode payload);

    /** The same, on behalf of a state machine (its role is what AWS checks the call against). */
    default JsonNode invoke(String stateMachineArn, String functionName, JsonNode payload) {
        return invoke(functionName, payload);
    }
}
