package org.teachertraining.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StreamEntry;
import org.teachertraining.local.sfn.AslError;
import org.teachertraining.local.sfn.LambdaInvoker;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template's functions, invoked in this JVM by name as Lambda invokes them for a Step Functions task:
 * the payload read into the handler's input type, the result written back as JSON, and an exception
 * reported as Lambda reports it — the error named by the exception's class, the cause a JSON document
 * with errorMessage and errorType.
 */
final class LocalFunctions implements LambdaInvoker {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final CloudFormationTemplate template;
    private final Map<String, CloudFormationTemplate.Resource> functions = new ConcurrentHashMap<>();
    private final Map<String, RequestHandler<Object, Object>> handlers = new ConcurrentHashMap<>();

    private final java.util.function.Function<String, FunctionEnvironment> environments;

    /** @param environments each function's own environment and the platform's clock, by logical ID */
    LocalFunctions(CloudFormationTemplate template, java.util.function.Function<String, FunctionEnvironment> environments) {
        this.template = template;
        template.resources("AWS::Serverless::Function").forEach(f -> functions.put(f.logicalId(), f));
        this.environments = environments;
    }

    /** The function's one handler in this JVM, built at first use with the function's environment. */
    RequestHandler<Object, Object> handler(String functionName) {
        var f = functions.get(functionName);
        if (f == null) throw new AslError("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
        return handlers.computeIfAbsent(functionName, n -> instantiate(f, environments.apply(n)));
    }

    @Override
    public JsonNode invoke(String functionName, JsonNode payload) {
        var f = functions.get(functionName);
        var handler = handler(functionName);
        Object input = JSON.convertValue(payload, inputType(handler.getClass()));
        try {
            int timeout = template.timeoutSeconds(f);
            Object output = FunctionTimeout.call(functionName, timeout, () -> handler.handleRequest(input, new LocalLambdaContext(functionName, timeout)));
            return output == null ? JsonNodeFactory.instance.nullNode() : JSON.valueToTree(output);
        } catch (FunctionTimeout.TimedOut e) {
            var cause = JsonNodeFactory.instance.objectNode().put("errorMessage", e.getMessage()).put("errorType", "Sandbox.Timedout");
            throw new AslError("Sandbox.Timedout", cause.toString());
        } catch (RuntimeException e) {
            var cause = JsonNodeFactory.instance.objectNode().put("errorMessage", String.valueOf(e.getMessage())).put("errorType", e.getClass().getName());
            cause.putArray("stackTrace");
            throw new AslError(e.getClass().getName(), cause.toString());
        }
    }

    /**
     * Its composition root given its environment (a constructor taking a {@link FunctionEnvironment}), else its
     * no-argument constructor; of an entry point that reads the event's bytes itself ({@link StreamEntry}), the handler
     * it reads them for, which is handed the events as objects.
     */
    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> instantiate(CloudFormationTemplate.Resource f, FunctionEnvironment environment) {
        String className = ((String) f.properties().get("Handler")).split("::")[0];
        try {
            Class<?> type = Class.forName(className);
            Object made;
            try {
                made = type.getConstructor(FunctionEnvironment.class).newInstance(environment);
            } catch (NoSuchMethodException plain) {
                made = type.getConstructor().newInstance();
            }
            return (RequestHandler<Object, Object>) (made instanceof StreamEntry<?, ?> entry ? entry.handler() : made);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AslError("Lambda.ServiceException", f.logicalId() + ": its initialisation failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AslError("Lambda.ResourceNotFoundException", f.logicalId() + ": cannot load " + className + ": " + e);
        }
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    var arg = p.getActualTypeArguments()[0];
                    return arg instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) arg;
                }
            }
        }
        return Object.class;
    }
}
