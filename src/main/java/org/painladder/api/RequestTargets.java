package org.painladder.api;

import java.util.Locale;

/**
 * The characters a request target may hold (RFC 3986 §2, RFC 9112 §3.2): unreserved and sub-delimiter characters,
 * {@code : @ / ?}, and {@code %} followed by two hexadecimal digits. Anything else (a raw {@code |}, space, {@code {},
 * backslash, control or non-ASCII byte, {@code #}) is not a URI, and each server, proxy and log would read it its own
 * way.
 */
final class RequestTargets {

    private static final boolean[] URI_CHARACTERS = new boolean[128];

    static {
        String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
        for (char c : allowed.toCharArray()) {
            URI_CHARACTERS[c] = true;
        }
    }

    private RequestTargets() {
    }

    /** What is wrong with the request target, or null when it is a URI. */
    static String malformation(String target) {
        int authorityEnd = authorityEnd(target);
        for (int at = 0; at < target.length(); at++) {
            char c = target.charAt(at);
            if (c == '%') {
                if (at + 2 >= target.length() || !isHex(target.charAt(at + 1)) || !isHex(target.charAt(at + 2))) {
                    return "The request target has a % that is not followed by two hexadecimal digits"
                            + " (a % itself is sent as %25)";
                }
                at += 2;
            } else if (!(c < 128 && URI_CHARACTERS[c]) && !(at < authorityEnd && (c == '[' || c == ']'))) {
                return "The request target has a character that must be percent-encoded: " + named(c);
            }
        }
        return null;
    }

    /** Where the authority of an absolute-form target ends, which alone may hold an IPv6 address in brackets. */
    private static int authorityEnd(String target) {
        int scheme = target.startsWith("/") ? -1 : target.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        int path = target.indexOf('/', scheme + 3);
        return path < 0 ? target.length() : path;
    }

    private static String named(char c) {
        if (c > 0xFF) {
            return String.format(Locale.ROOT, "U+%04X (send its UTF-8 bytes percent-encoded)", (int) c);
        }
        String escape = String.format(Locale.ROOT, "%%%02X", (int) c);
        return (c > 0x20 && c < 0x7F ? "\"" + c + "\"" : String.format(Locale.ROOT, "byte 0x%02X", (int) c))
                + " (send it as " + escape + ")";
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
