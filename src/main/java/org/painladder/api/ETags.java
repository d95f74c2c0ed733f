package org.painladder.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import org.painladder.api.problem.ProblemType;
import org.painladder.app.ExpectedVersion;

/**
 * Versions travel as strong entity tags ({@code "3"}). If-Match is read as RFC 9110 §13.1.1 says: {@code *} or a
 * list of entity tags, compared strongly, so a weak tag never matches and the list holds when any tag is current.
 */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** What the client's If-Match expects; unconditional when it sent none. */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.UNCONDITIONAL;
        }
        if (ifMatch.trim().equals("*")) {
            return ExpectedVersion.ANY_CURRENT;
        }
        Set<Long> versions = new HashSet<>();
        boolean weak = false;
        int at = 0;
        int length = ifMatch.length();
        while (at < length) {
            at = skipWhitespace(ifMatch, at);
            if (at < length && ifMatch.charAt(at) == ',') {
                at++;
                continue;
            }
            boolean thisWeak = ifMatch.startsWith("W/", at);
            int open = thisWeak ? at + 2 : at;
            int close = open < length && ifMatch.charAt(open) == '"' ? closingQuote(ifMatch, open + 1) : -1;
            if (close < 0) {
                throw refused(ifMatch, "is not a list of entity tags (a tag is quoted, like \"3\")");
            }
            weak |= thisWeak;
            Long version = thisWeak ? null : issuedVersion(ifMatch.substring(open + 1, close));
            if (version != null) {
                versions.add(version);
            }
            at = skipWhitespace(ifMatch, close + 1);
            if (at < length && ifMatch.charAt(at) != ',') {
                throw refused(ifMatch, "is not a list of entity tags (tags are separated by commas)");
            }
        }
        if (!versions.isEmpty()) {
            return ExpectedVersion.oneOf(versions);
        }
        throw weak
                ? refused(ifMatch, "names only weak entity tags, which If-Match never matches (RFC 9110 §13.1.1);"
                        + " send the ETag as it was answered")
                : refused(ifMatch, "names no entity tag this service issued");
    }

    private static int skipWhitespace(String header, int at) {
        while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** The index of the quote that ends a tag begun before {@code from}, or -1 when a character is not etagc. */
    private static int closingQuote(String header, int from) {
        for (int at = from; at < header.length(); at++) {
            char c = header.charAt(at);
            if (c == '"') {
                return at;
            }
            if (c < 0x21 || c == 0x7F) {
                return -1;
            }
        }
        return -1;
    }

    /** The version a tag of this service names; null for a tag it never issued, which matches no version. */
    private static Long issuedVersion(String opaque) {
        boolean asIssued = !opaque.isEmpty() && opaque.length() <= 18 && (opaque.length() == 1 || opaque.charAt(0) != '0')
                && opaque.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!asIssued) {
            return null;
        }
        return Long.parseLong(opaque);
    }

    private static WebApplicationException refused(String ifMatch, String why) {
        return new WebApplicationException(ProblemType.PRECONDITION_FAILED.problem("If-Match " + ifMatch + " " + why)
                .toResponse());
    }
}
