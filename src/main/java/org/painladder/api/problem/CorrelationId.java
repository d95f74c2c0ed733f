package org.painladder.api.problem;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The id that ties one request's log lines, audit events and problem body together. */
public final class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The caller's id when it is a safe token (it ends up in logs), otherwise a fresh one. */
    public static String acceptOrCreate(String fromHeader) {
        return fromHeader != null && SAFE.matcher(fromHeader).matches() ? fromHeader : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
