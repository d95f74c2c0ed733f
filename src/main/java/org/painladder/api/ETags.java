package org.painladder.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.painladder.api.problem.ProblemType;
import org.painladder.app.ExpectedVersion;

/**
 * Versions travel as strong entity tags ({@code "3"}). A record read with live figures that change without its
 * version (a patient's latest score, a refractory case's days on step 3) is tagged with its version and a digest of
 * what was read ({@code "3-9f2c1a7b0d4e5f60"}), so that the tag changes whenever the body does. If-Match is read as
 * RFC 9110 §13.1.1 says: {@code *} or a list of entity tags, compared strongly, so a weak tag never matches and the
 * list holds when any tag is current; it compares the version a tag names, the record's own optimistic lock, so a
 * write is not refused because a pain score moved the live figures since the read.
 */
public final class ETags {

    private static final int DIGEST_BYTES = 8;
    private static final Pattern ISSUED_TAG = Pattern.compile(
            "(0|[1-9][0-9]{0,17})(?:-[0-9a-f]{" + 2 * DIGEST_BYTES + "})?");

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The tag of a read answering {@code body} (its JSON bytes) for the record at {@code version}. */
    static EntityTag ofRepresentation(long version, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(version + "-" + HexFormat.of().formatHex(digest, 0, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /**
     * Whether an If-None-Match names the current tag (RFC 9110 §13.1.2: {@code *}, or any tag of the list compared
     * weakly, so {@code W/"3-…"} matches {@code "3-…"}). A header that is no list of tags matches nothing: the
     * client gets the full answer.
     */
    static boolean ifNoneMatchNames(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String opaque = tag.trim();
            if (opaque.startsWith("W/")) {
                opaque = opaque.substring(2);
            }
            if (opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"")
                    && opaque.substring(1, opaque.length() - 1).equals(current.getValue())) {
                return true;
            }
        }
        return false;
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

    /**
     * The version a tag of this service names, alone or before the digest of a read; null for a tag it never issued,
     * which matches no version.
     */
    private static Long issuedVersion(String opaque) {
        Matcher issued = ISSUED_TAG.matcher(opaque);
        return issued.matches() ? Long.parseLong(issued.group(1)) : null;
    }

    private static WebApplicationException refused(String ifMatch, String why) {
        return new WebApplicationException(ProblemType.PRECONDITION_FAILED.problem("If-Match " + ifMatch + " " + why)
                .toResponse());
    }
}
