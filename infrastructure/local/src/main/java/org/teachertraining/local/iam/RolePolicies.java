package org.teachertraining.local.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The policy of a function's or a state machine's role, read from its {@code Policies} in template.yaml as
 * SAM would build the role: inline policy documents as they are, SAM policy templates expanded (the ones
 * the template uses; another is refused at start rather than guessed). Values go through {@code resolve}:
 * {@code !Ref}, {@code !GetAtt}, {@code !Sub} to the local resources' ARNs. A statement with a
 * {@code Condition}, a {@code NotAction} or a {@code NotResource} is refused at start: the local runtime
 * does not evaluate them, and silently ignoring one would allow more than AWS allows.
 */
public final class RolePolicies {
    private RolePolicies() {}

    @SuppressWarnings("unchecked")
    public static Policy of(String role, Object policies, Function<Object, Object> resolve) {
        var statements = new ArrayList<Policy.Statement>();
        for (Object p : policies instanceof List<?> l ? l : policies == null ? List.of() : List.of(policies)) {
            if (p instanceof Map<?, ?> m && m.containsKey("Statement")) {
                for (Object s : m.get("Statement") instanceof List<?> list ? list : List.of(m.get("Statement"))) {
                    statements.add(statement(role, (Map<String, Object>) s, resolve));
                }
            } else if (p instanceof Map<?, ?> m && m.size() == 1) {
                var entry = (Map.Entry<String, Object>) m.entrySet().iterator().next();
                statements.add(template(role, entry.getKey(), (Map<String, Object>) entry.getValue(), resolve));
            } else {
                throw new IllegalArgumentException(role + ": the local runtime cannot enforce the policy " + p + " (a managed policy or an unknown form)");
            }
        }
        return new Policy(role, List.copyOf(statements));
    }

    private static Policy.Statement statement(String role, Map<String, Object> s, Function<Object, Object> resolve) {
        for (String unsupported : List.of("Condition", "NotAction", "NotResource", "NotPrincipal")) {
            if (s.containsKey(unsupported)) throw new IllegalArgumentException(role + ": a statement with " + unsupported + " is not enforced locally: " + s);
        }
        return new Policy.Statement(!"Deny".equals(s.get("Effect")), strings(s.get("Action"), resolve), strings(s.get("Resource"), resolve));
    }

    /** SAM policy templates (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html). */
    private static Policy.Statement template(String role, String name, Map<String, Object> parameters, Function<Object, Object> resolve) {
        return switch (name) {
            case "LambdaInvokePolicy" -> new Policy.Statement(true, List.of("lambda:InvokeFunction"),
                    List.of("arn:" + resolve.apply(Map.of("Ref", "AWS::Partition")) + ":lambda:" + resolve.apply(Map.of("Ref", "AWS::Region")) + ":"
                            + resolve.apply(Map.of("Ref", "AWS::AccountId")) + ":function:" + resolve.apply(parameters.get("FunctionName")) + "*"));
            default -> throw new IllegalArgumentException(role + ": the SAM policy template " + name + " is not expanded locally yet");
        };
    }

    private static List<String> strings(Object value, Function<Object, Object> resolve) {
        if (value == null) return List.of();
        Object v = value instanceof List<?> ? value : List.of(value);
        return ((List<?>) v).stream().map(x -> String.valueOf(resolve.apply(x))).toList();
    }

    /** Every function's and state machine's role in a template, by logical ID. */
    public static Map<String, Policy> ofTemplate(List<Map.Entry<String, Object>> rolesAndPolicies, Function<Object, Object> resolve) {
        var out = new java.util.LinkedHashMap<String, Policy>();
        rolesAndPolicies.forEach(e -> out.put(e.getKey(), of(e.getKey(), e.getValue(), resolve)));
        return out;
    }
}
