package org.teachertraining.lifecycle;

/**
 * The lifecycle task's errors; the state machine matches them by class name
 * ({@code org.teachertraining.lifecycle.LifecycleTaskError$CreditsNotPosted} and so on).
 */
public class LifecycleTaskError extends RuntimeException {
    LifecycleTaskError(String message) {
        super(message);
    }

    /** The completion is recorded but the credit-posting function has not posted it yet: retried. */
    public static final class CreditsNotPosted extends LifecycleTaskError { CreditsNotPosted(String m) { super(m); } }

    public static final class NoSuchProject extends LifecycleTaskError { NoSuchProject(String m) { super(m); } }

    public static final class NoLifecycle extends LifecycleTaskError { NoLifecycle(String m) { super(m); } }

    public static final class InvalidInput extends LifecycleTaskError { InvalidInput(String m) { super(m); } }

    static LifecycleTaskError named(String name, String message) {
        return switch (name) {
            case "CreditsNotPosted" -> new CreditsNotPosted(message);
            case "NoSuchProject" -> new NoSuchProject(message);
            case "NoLifecycle" -> new NoLifecycle(message);
            default -> new InvalidInput(message);
        };
    }
}
