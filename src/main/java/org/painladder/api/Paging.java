package org.painladder.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.painladder.api.problem.ProblemType;
import jakarta.ws.rs.WebApplicationException;

/**
 * Query parameters shared by every list: {@code page} 0–10,000,000 and {@code size} 1–200 (default 50). They are
 * parsed here rather than by JAX-RS because JAX-RS answers a malformed query parameter with 404; ours is a 400 problem.
 */
public record Paging(int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** page × size is the row offset the database skips to, an int: 10,000,000 × 200 still fits. */
    public static final int MAX_PAGE = 10_000_000;
    /** The OpenAPI description of every list's page parameter. */
    public static final String PAGE_DESCRIPTION = "Zero-based page number, 0 to 10000000 (default 0); a page past the"
            + " last item is empty, a larger number is 400.";
    /** The OpenAPI description of every list's size parameter. */
    public static final String SIZE_DESCRIPTION = "Items per page, 1 to 200 (default 50); outside is 400.";

    public static Paging of(String page, String size) {
        int pageNumber = integer("page", page, 0, MAX_PAGE, 0);
        int pageSize = integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE);
        return new Paging(pageNumber, pageSize);
    }

    /** A whole-number query parameter within [min, max], or the default when absent. */
    public static int integer(String name, String value, int min, int max, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below with the allowed range
        }
        throw badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /** An optional RFC 3339 timestamp query parameter. */
    public static Instant timestamp(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Rfc3339.parse(value.trim()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw badParameter(name, malformed.getMessage());
        }
    }

    public static WebApplicationException badParameter(String name, String message) {
        return new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(name + " " + message,
                java.util.List.of(new org.painladder.api.problem.Problem.FieldViolation(name, message))).toResponse());
    }
}
