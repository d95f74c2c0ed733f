package org.painladder.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * One streaming pass over a JSON body that refuses what no request here needs and what would make a parser work
 * out of proportion to the input (api.md "Strict input"): nesting deeper than 64, a number longer than 64 characters
 * or with an exponent of more than 3 digits (1e1000000000 sends BigDecimal arithmetic into minutes and gigabytes),
 * a string over 64 KiB or holding a NUL, an array over 1,000 items, a duplicate key, content after the document. It
 * never converts a number or builds a tree, so its cost is linear in the body's size, which the HTTP edge bounds.
 */
public final class JsonBounds {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_CHARS = 64;
    public static final int MAX_EXPONENT_DIGITS = 3;
    public static final int MAX_STRING_CHARS = 64 * 1024;
    public static final int MAX_ARRAY_ITEMS = 1_000;
    /** No member of any request is named this long; refusing it keeps an unknown name short in the answer. */
    public static final int MAX_NAME_CHARS = 256;

    /** The whole document, when a refusal is about no one field (content after it, a body that is not JSON). */
    public static final String WHOLE_BODY = "body";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Why a body was refused, and where: a dotted path such as {@code items[0].dose}. */
    public static final class OutOfBounds extends Exception {
        private final String field;

        OutOfBounds(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private JsonBounds() {
    }

    /**
     * @param prefix put before every path (FHIRPath-like {@code Observation.} for a FHIR resource), or ""
     */
    public static void check(byte[] body, String prefix) throws OutOfBounds {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token = parser.nextToken();
            while (token != null) {
                inspect(parser, token, prefix);
                if (parser.getParsingContext().inRoot()) {
                    break;
                }
                token = parser.nextToken();
            }
            if (token != null && parser.nextToken() != null) {
                throw new OutOfBounds(WHOLE_BODY, "holds content after the JSON document");
            }
        } catch (JsonProcessingException malformed) {
            throw new OutOfBounds(malformedAt(malformed, prefix), "is not valid JSON here (line "
                    + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")");
        } catch (IOException unreadable) {
            throw new OutOfBounds(WHOLE_BODY, "cannot be read");
        }
    }

    private static void inspect(JsonParser parser, JsonToken token, String prefix) throws IOException, OutOfBounds {
        JsonStreamContext context = parser.getParsingContext();
        // Where the value sits: a struct's start token already has its own (child) context.
        JsonStreamContext at = token.isStructStart() ? context.getParent() : context;
        if (token.isStructStart() && context.getNestingDepth() > MAX_DEPTH) {
            throw new OutOfBounds(path(prefix, at), "is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (at.inArray() && at.getCurrentIndex() >= MAX_ARRAY_ITEMS) {
            throw new OutOfBounds(path(prefix, at.getParent()), "may hold at most " + MAX_ARRAY_ITEMS + " items");
        }
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checkNumber(parser, prefix);
            case VALUE_STRING -> {
                if (parser.getTextLength() > MAX_STRING_CHARS) {
                    throw new OutOfBounds(path(prefix, context), "may have at most " + MAX_STRING_CHARS + " characters");
                }
                String unstorable = unstorableCharacter(parser);
                if (unstorable != null) {
                    throw new OutOfBounds(path(prefix, context), unstorable);
                }
            }
            case FIELD_NAME -> {
                if (parser.getTextLength() > MAX_NAME_CHARS) {
                    throw new OutOfBounds(path(prefix, context.getParent()),
                            "has a member name of more than " + MAX_NAME_CHARS + " characters");
                }
                String unstorable = unstorableCharacter(parser);
                if (unstorable != null) {
                    throw new OutOfBounds(path(prefix, context.getParent()), "has a member name that " + unstorable);
                }
            }
            default -> {
            }
        }
    }

    /**
     * No field takes a NUL, and PostgreSQL cannot store one in text; a lone surrogate escape ("\\ud800" without its
     * pair) is no character at all, and would be stored as "?". Both are refused here rather than altered later. The
     * UTF-8 check before this one refuses encoded surrogates, so any surrogate here came from a JSON escape.
     */
    private static String unstorableCharacter(JsonParser parser) throws IOException {
        char[] text = parser.getTextCharacters();
        int end = parser.getTextOffset() + parser.getTextLength();
        for (int i = parser.getTextOffset(); i < end; i++) {
            char c = text[i];
            if (c == '\u0000') {
                return "may not hold the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("holds a lone surrogate escape (\\u%04x), which is no character: escape a"
                        + " character outside the Basic Multilingual Plane as its surrogate pair", (int) c);
            }
        }
        return null;
    }

    private static void checkNumber(JsonParser parser, String prefix) throws IOException, OutOfBounds {
        JsonStreamContext context = parser.getParsingContext();
        if (parser.getTextLength() > MAX_NUMBER_CHARS) {
            throw new OutOfBounds(path(prefix, context), "is a number of more than " + MAX_NUMBER_CHARS + " characters");
        }
        String text = parser.getText();
        int exponent = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (exponent >= 0) {
            int digits = text.length() - exponent - 1;
            if (digits > 0 && (text.charAt(exponent + 1) == '+' || text.charAt(exponent + 1) == '-')) {
                digits--;
            }
            if (digits > MAX_EXPONENT_DIGITS) {
                throw new OutOfBounds(path(prefix, context),
                        "is a number whose exponent has more than " + MAX_EXPONENT_DIGITS + " digits");
            }
        }
    }

    private static String malformedAt(JsonProcessingException malformed, String prefix) {
        if (malformed.getProcessor() instanceof JsonParser parser) {
            String at = path(prefix, parser.getParsingContext());
            return at.isEmpty() ? WHOLE_BODY : at;
        }
        return WHOLE_BODY;
    }

    /** The path of the value the context is at: its member name or array index, after its parents'. */
    private static String path(String prefix, JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.insert(0, nameOf(at));
        }
        if (path.length() > 0 && path.charAt(0) == '.') {
            path.deleteCharAt(0);
        }
        return path.isEmpty() ? prefix.replaceAll("\\.$", "") : prefix + path;
    }

    private static String nameOf(JsonStreamContext context) {
        if (context.inArray()) {
            return "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        return context.getCurrentName() == null ? "" : "." + context.getCurrentName();
    }
}
