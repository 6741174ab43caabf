package org.teachertraining.funding;

/**
 * Errors of the funding-check task. Lambda reports a Java exception's class name as the error type, so a
 * state machine matches these in {@code Retry}/{@code Catch} as {@code org.teachertraining.funding.FundingCheckError$NoBudget}
 * and so on; the message is the refusal's English text.
 */
public class FundingCheckError extends RuntimeException {
    FundingCheckError(String message) {
        super(message);
    }

    /** No project has the given ID. */
    public static final class NoSuchProject extends FundingCheckError { NoSuchProject(String m) { super(m); } }

    /** The project's institution has not submitted a budget. */
    public static final class NoBudget extends FundingCheckError { NoBudget(String m) { super(m); } }

    /** The project's program has no funding standards (F1). */
    public static final class NoFundingStandards extends FundingCheckError { NoFundingStandards(String m) { super(m); } }

    /** The project has no planned trainees (seats) to compute the ceiling from. */
    public static final class NoSeats extends FundingCheckError { NoSeats(String m) { super(m); } }

    /** The ceiling does not fit in a long of fen: the standards' rates and the project's seats and days are beyond reckoning. */
    public static final class CeilingOutOfRange extends FundingCheckError { CeilingOutOfRange(String m) { super(m); } }

    /** The task's input is not {"projectId": "…"}. */
    public static final class InvalidInput extends FundingCheckError { InvalidInput(String m) { super(m); } }

    static FundingCheckError named(String error, String message) {
        return switch (error == null ? "" : error) {
            case "NoSuchProject" -> new NoSuchProject(message);
            case "NoBudget" -> new NoBudget(message);
            case "NoFundingStandards" -> new NoFundingStandards(message);
            case "NoSeats" -> new NoSeats(message);
            case "CeilingOutOfRange" -> new CeilingOutOfRange(message);
            default -> new InvalidInput(message);
        };
    }
}
