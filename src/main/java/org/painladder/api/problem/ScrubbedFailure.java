package org.painladder.api.problem;

/**
 * A failure as it may be logged: its classes and stack frames, without its messages. A message may quote an SQL
 * statement with the values it refused (an MRN) or the input a parser choked on; neither belongs in a log.
 */
public final class ScrubbedFailure extends RuntimeException {

    private ScrubbedFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The same chain of causes, each named by its class only; null stays null. */
    public static Throwable of(Throwable failure) {
        return of(failure, 0);
    }

    private static Throwable of(Throwable failure, int depth) {
        // A cause chain that loops, or runs absurdly deep, is cut rather than followed.
        if (failure == null || depth > 16) {
            return null;
        }
        return new ScrubbedFailure(failure, of(failure.getCause(), depth + 1));
    }
}
