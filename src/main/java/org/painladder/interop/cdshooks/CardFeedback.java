package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.painladder.api.Paging;
import org.painladder.api.Rfc3339;

/**
 * One entry of a CDS Hooks feedback request, read and checked. Every entry of a request is read before any is
 * applied: a clinician's decision is final, so a request with one malformed entry decides nothing (400 naming it).
 *
 * @param card   the card's uuid as sent
 * @param cardId that uuid when it is one (a card that is no recommendation of ours is ignored)
 * @param note   the decision note: why the card was overridden, or that it was accepted
 */
record CardFeedback(String card, UUID cardId, boolean accepted, String note) {

    /** The entries of {@code feedback}, an array of {card, outcome, overrideReason, acceptedSuggestions, outcomeTimestamp}. */
    static List<CardFeedback> read(JsonNode feedback) {
        if (!feedback.isArray()) {
            throw Paging.badParameter("feedback", "is required: an array of {card, outcome}");
        }
        List<CardFeedback> entries = new ArrayList<>();
        for (int index = 0; index < feedback.size(); index++) {
            entries.add(read(feedback.get(index), "feedback[" + index + "]"));
        }
        return entries;
    }

    private static CardFeedback read(JsonNode entry, String at) {
        if (!entry.isObject()) {
            throw Paging.badParameter(at, "must be an object {card, outcome}");
        }
        String card = text(entry, "card");
        if (card == null) {
            throw Paging.badParameter(at + ".card", "is required: the card's uuid");
        }
        String outcome = text(entry, "outcome");
        if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
            throw Paging.badParameter(at + ".outcome", "must be accepted or overridden");
        }
        checkTimestamp(entry.path("outcomeTimestamp"), at + ".outcomeTimestamp");
        checkSuggestions(entry.path("acceptedSuggestions"), at + ".acceptedSuggestions");
        JsonNode overrideReason = entry.path("overrideReason");
        checkOverrideReason(overrideReason, at + ".overrideReason");
        return new CardFeedback(card, uuidOrNull(card), "accepted".equals(outcome), "accepted".equals(outcome)
                ? "Accepted in the EHR (CDS Hooks feedback)" : overrideNote(overrideReason));
    }

    private static void checkTimestamp(JsonNode timestamp, String at) {
        if (absent(timestamp)) {
            return;
        }
        try {
            if (timestamp.isTextual()) {
                Rfc3339.parse(timestamp.asText());
                return;
            }
        } catch (DateTimeParseException malformed) {
            // answered below, as a timestamp of the wrong type is
        }
        throw Paging.badParameter(at, "must be " + Rfc3339.EXPECTED);
    }

    private static void checkSuggestions(JsonNode suggestions, String at) {
        if (absent(suggestions)) {
            return;
        }
        if (!suggestions.isArray()) {
            throw Paging.badParameter(at, "must be an array of {id}");
        }
        for (int index = 0; index < suggestions.size(); index++) {
            JsonNode suggestion = suggestions.get(index);
            if (!suggestion.isObject() || !suggestion.path("id").isTextual()) {
                throw Paging.badParameter(at + "[" + index + "].id", "is required: the suggestion's id");
            }
        }
    }

    private static void checkOverrideReason(JsonNode overrideReason, String at) {
        if (absent(overrideReason)) {
            return;
        }
        if (!overrideReason.isObject()) {
            throw Paging.badParameter(at, "must be an object {reason, userComment}");
        }
        checkString(overrideReason.path("userComment"), at + ".userComment");
        JsonNode reason = overrideReason.path("reason");
        if (absent(reason)) {
            return;
        }
        if (!reason.isObject()) {
            throw Paging.badParameter(at + ".reason", "must be a Coding {system, code, display}");
        }
        for (String field : List.of("system", "code", "display")) {
            checkString(reason.path(field), at + ".reason." + field);
        }
    }

    private static void checkString(JsonNode value, String at) {
        if (!absent(value) && !value.isTextual()) {
            throw Paging.badParameter(at, "must be a string");
        }
    }

    private static String overrideNote(JsonNode overrideReason) {
        String comment = text(overrideReason, "userComment");
        JsonNode reason = overrideReason.path("reason");
        String display = text(reason, "display");
        String code = text(reason, "code");
        String because = comment != null ? comment : display != null ? display : code;
        String note = because == null ? "Overridden in the EHR without a reason given"
                : "Overridden in the EHR: " + because;
        // The decision note holds 2,000 characters, as a reject reason sent to the API may.
        return note.length() <= 2000 ? note : note.substring(0, 1999) + "…";
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
