package org.teachertraining.local.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The identity-based policy of one role (a function's, a state machine's), as IAM evaluates it: an explicit
 * Deny wins, else an Allow whose action and resource patterns both match, else the implicit deny. Actions
 * match case-insensitively, resources case-sensitively; {@code *} and {@code ?} are IAM's wildcards.
 */
public record Policy(String role, List<Statement> statements, Map<String, Decision> decided) {

    /** How many decisions a policy keeps: S3 objects each have a resource of their own, decided afresh once the room is taken. */
    static final int KEPT = 1_000;

    /**
     * A role's policy, which never changes once read: each (action, resource) is decided once and the answer
     * kept, since a function names the same few tables, queues and indexes on every call.
     */
    public Policy(String role, List<Statement> statements) {
        this(role, statements, new ConcurrentHashMap<>());
    }

    public record Statement(boolean allow, List<String> actions, List<String> resources) {
        boolean matches(String action, String resource) {
            return actions.stream().anyMatch(a -> wildcard(a, true).matcher(action).matches())
                    && resources.stream().anyMatch(r -> wildcard(r, false).matcher(resource).matches());
        }
    }

    public enum Decision { ALLOWED, DENIED_EXPLICITLY, NOT_ALLOWED }

    public Decision decide(String action, String resource) {
        String key = action + "\n" + resource;
        var known = decided.get(key);
        if (known != null) return known;
        var decision = evaluate(action, resource);
        if (decided.size() < KEPT) decided.put(key, decision);
        return decision;
    }

    private Decision evaluate(String action, String resource) {
        if (statements.stream().anyMatch(s -> !s.allow() && s.matches(action, resource))) return Decision.DENIED_EXPLICITLY;
        return statements.stream().anyMatch(s -> s.allow() && s.matches(action, resource)) ? Decision.ALLOWED : Decision.NOT_ALLOWED;
    }

    /** The statements that allow {@code action} on some resource: what the role has of it, for the log. */
    public Optional<String> grantsOf(String action) {
        var grants = statements.stream().filter(s -> s.allow() && s.actions().stream().anyMatch(a -> wildcard(a, true).matcher(action).matches()))
                .flatMap(s -> s.resources().stream()).toList();
        return grants.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", grants));
    }

    static Pattern wildcard(String pattern, boolean ignoreCase) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }
}
