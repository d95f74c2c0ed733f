package org.painladder.interop.cdshooks;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Card wording helpers: the 140-character summary limit, Markdown lists, numbers without trailing zeros. */
final class CardText {

    static final int MAX_SUMMARY = 140;

    private CardText() {
    }

    /** Under the CDS Hooks limit ("summary ... SHOULD be under 140 characters"), cut at a word with an ellipsis. */
    static String summary(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        if (oneLine.length() < MAX_SUMMARY) {
            return oneLine;
        }
        String cut = oneLine.substring(0, MAX_SUMMARY - 2);
        int space = cut.lastIndexOf(' ');
        return (space > MAX_SUMMARY / 2 ? cut.substring(0, space) : cut) + "…";
    }

    /** ESCALATE_TO_STEP_3 → "Escalate to step 3". */
    static String words(String enumName) {
        String lower = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String plain(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** A Markdown list of name: value lines, in the map's order; nothing when the map is empty. */
    static void list(StringBuilder markdown, String heading, Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        markdown.append("\n\n**").append(heading).append("**\n");
        values.forEach((name, value) -> markdown.append("\n- ").append(name).append(": ").append(plain(value)));
    }
}
