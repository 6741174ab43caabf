package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import org.teachertraining.adapters.aws.FunctionEnvironment;

import java.util.HashMap;
import java.util.Map;

/** A task function for the fixture templates: echoes its input with the function's name, or fails when asked. */
public class EchoTaskHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final FunctionEnvironment environment;

    public EchoTaskHandler(FunctionEnvironment environment) {
        this.environment = environment;
    }

    /** Thrown when the input says {"fail": true}: a function error with its own name. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (Boolean.TRUE.equals(input.get("fail"))) throw new Refused("asked to fail");
        var out = new HashMap<>(input);
        out.put("handledBy", context.getFunctionName());
        out.put("table", environment.get("TRAINING_TABLE", null));
        return out;
    }
}
