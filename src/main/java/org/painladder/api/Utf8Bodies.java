package org.painladder.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON travels as UTF-8 (RFC 8259 §8.1), and a body is read as exactly that or not at all. The parsers are lenient:
 * Jackson's byte parser decodes the overlong C0 AF as "/" and lets encoded surrogates through, HAPI FHIR's String
 * body turns malformed bytes into U+FFFD, and both guess UTF-16 or UTF-32 from a body's first bytes. So the bytes are
 * decoded strictly once, before any of them: overlong forms, stray or missing continuation bytes, surrogates and code
 * points above U+10FFFF are refused, and so is a NUL byte, which no JSON text in UTF-8 holds raw but UTF-16 and
 * UTF-32 text always do.
 */
final class Utf8Bodies {

    private Utf8Bodies() {
    }

    /** Why the body is not UTF-8 JSON may be sent in, or null when it is. */
    static String whyNotUtf8(byte[] body) {
        // Most bodies are ASCII, which is UTF-8 as it stands: only a NUL can be wrong there.
        for (int at = 0; at < body.length; at++) {
            if (body[at] == 0) {
                return nulAt(at);
            }
            if (body[at] < 0) {
                return whyNotStrictUtf8(body);
            }
        }
        return null;
    }

    private static String whyNotStrictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // The text is not kept: a small window is decoded into again and again, so the check costs no body-sized copy.
        CharBuffer window = CharBuffer.allocate(Math.min(4096, body.length + 1));
        CoderResult result;
        do {
            window.clear();
            result = decoder.decode(in, window, true);
        } while (result.isOverflow());
        if (result.isError()) {
            return "a malformed byte sequence at byte " + in.position()
                    + " (an overlong form, a stray or missing continuation byte, a surrogate or a code point above"
                    + " U+10FFFF)";
        }
        for (int at = 0; at < body.length; at++) {
            if (body[at] == 0) {
                return nulAt(at);
            }
        }
        return null;
    }

    private static String nulAt(int at) {
        return "a NUL byte at byte " + at + ", as in UTF-16 or UTF-32 text";
    }
}
