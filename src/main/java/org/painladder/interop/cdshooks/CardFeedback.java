package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.painladder.api.Paging;
import org.painladder.api.Rfc3339;
import org.painladder.app.RecordingCardFeedback;
import org.painladder.domain.recommendation.OverrideReason;

/**
 * One entry of a CDS Hooks feedback request, read and checked as CDS Hooks 2.0 defines it: card, outcome and
 * outcomeTimestamp required, acceptedSuggestions required for accepted, overrideReason a Coding and a comment. Every
 * entry of a request is read before any is applied: a clinician's decision is final, so a request with one malformed
 * entry decides nothing (400 naming it).
 *
 * @param card                the card's uuid as sent
 * @param cardId              that uuid when it is one (else it names no card painladder issued)
 * @param acceptedSuggestions the ids of the suggestions taken, for accepted
 * @param overrideReason      the reason picked or written, for overridden; null when none was given
 * @param note                the decision note: why the card was overridden, or that it was accepted
 * @param outcomeAt           when the clinician acted on the card
 */
record CardFeedback(String at, String card, UUID cardId, boolean accepted, List<UUID> acceptedSuggestions,
                    OverrideReason overrideReason, String note, Instant outcomeAt) {

    /** The columns the override reason is kept in hold this much. */
    private static final int MAX_SYSTEM = 500;
    private static final int MAX_CODE = 128;
    private static final int MAX_DISPLAY = 500;
    private static final int MAX_COMMENT = 2000;

    RecordingCardFeedback.Answer answer() {
        return new RecordingCardFeedback.Answer(at, cardId, accepted, note, overrideReason, outcomeAt);
    }

    /**
     * The entries of {@code feedback}, an array of {card, outcome, overrideReason, acceptedSuggestions,
     * outcomeTimestamp}.
     *
     * @param now the time here: an outcome later than now beyond the clock skew is an error, not a fact
     */
    static List<CardFeedback> read(JsonNode feedback, Instant now) {
        if (!feedback.isArray()) {
            throw Paging.badParameter("feedback", "is required: an array of {card, outcome, outcomeTimestamp}");
        }
        List<CardFeedback> entries = new ArrayList<>();
        for (int index = 0; index < feedback.size(); index++) {
            entries.add(read(feedback.get(index), "feedback[" + index + "]", now));
        }
        return entries;
    }

    private static CardFeedback read(JsonNode entry, String at, Instant now) {
        if (!entry.isObject()) {
            throw Paging.badParameter(at, "must be an object {card, outcome, outcomeTimestamp}");
        }
        String card = text(entry, "card");
        if (card == null) {
            throw Paging.badParameter(at + ".card", "is required: the card's uuid");
        }
        String outcome = text(entry, "outcome");
        if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
            throw Paging.badParameter(at + ".outcome", "must be accepted or overridden");
        }
        boolean accepted = "accepted".equals(outcome);
        Instant outcomeAt = timestamp(entry.path("outcomeTimestamp"), at + ".outcomeTimestamp", now);
        List<UUID> suggestions = suggestions(entry.path("acceptedSuggestions"), at + ".acceptedSuggestions",
                accepted);
        OverrideReason overrideReason = overrideReason(entry.path("overrideReason"), at + ".overrideReason");
        return new CardFeedback(at, card, uuidOrNull(card), accepted, suggestions, accepted ? null : overrideReason,
                accepted ? "Accepted in the EHR (CDS Hooks feedback)" : overrideNote(overrideReason), outcomeAt);
    }

    private static Instant timestamp(JsonNode timestamp, String at, Instant now) {
        if (absent(timestamp)) {
            throw Paging.badParameter(at, "is required by CDS Hooks 2.0: when the clinician acted on the card, "
                    + Rfc3339.EXPECTED);
        }
        Instant outcomeAt;
        try {
            if (!timestamp.isTextual()) {
                throw Paging.badParameter(at, "must be " + Rfc3339.EXPECTED);
            }
            outcomeAt = Rfc3339.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw Paging.badParameter(at, "must be " + Rfc3339.EXPECTED);
        }
        if (outcomeAt.isAfter(now.plus(RecordingCardFeedback.CLOCK_SKEW))) {
            throw Paging.badParameter(at, "is in the future (" + outcomeAt + "; it is " + now + " here): a"
                    + " clinician's answer is dated when it was given");
        }
        return outcomeAt;
    }

    private static List<UUID> suggestions(JsonNode suggestions, String at, boolean accepted) {
        if (absent(suggestions)) {
            if (accepted) {
                throw Paging.badParameter(at, "is required for accepted (CDS Hooks 2.0): the suggestions taken, as"
                        + " [{id}]");
            }
            return List.of();
        }
        if (!suggestions.isArray()) {
            throw Paging.badParameter(at, "must be an array of {id}");
        }
        if (accepted && suggestions.isEmpty()) {
            throw Paging.badParameter(at, "names no suggestion: an accepted card is accepted through a suggestion it"
                    + " offered");
        }
        List<UUID> ids = new ArrayList<>();
        for (int index = 0; index < suggestions.size(); index++) {
            JsonNode suggestion = suggestions.get(index);
            if (!suggestion.isObject() || !suggestion.path("id").isTextual()) {
                throw Paging.badParameter(at + "[" + index + "].id", "is required: the suggestion's id");
            }
            ids.add(uuidOrNull(suggestion.path("id").asText()));
        }
        return ids;
    }

    private static OverrideReason overrideReason(JsonNode overrideReason, String at) {
        if (absent(overrideReason)) {
            return null;
        }
        if (!overrideReason.isObject()) {
            throw Paging.badParameter(at, "must be an object {reason, userComment}");
        }
        String comment = string(overrideReason.path("userComment"), at + ".userComment", MAX_COMMENT);
        JsonNode reason = overrideReason.path("reason");
        if (absent(reason)) {
            return comment == null ? null : new OverrideReason(null, null, null, comment);
        }
        if (!reason.isObject()) {
            throw Paging.badParameter(at + ".reason", "must be a Coding {system, code, display}");
        }
        String system = string(reason.path("system"), at + ".reason.system", MAX_SYSTEM);
        String code = string(reason.path("code"), at + ".reason.code", MAX_CODE);
        String display = string(reason.path("display"), at + ".reason.display", MAX_DISPLAY);
        if (code == null) {
            throw Paging.badParameter(at + ".reason.code", "is required: a Coding names its code and system");
        }
        if (system == null) {
            throw Paging.badParameter(at + ".reason.system", "is required: a Coding names its code and system");
        }
        return new OverrideReason(system, code, display, comment);
    }

    /** A string field: null when absent or blank; 400 when of another type or longer than kept. */
    private static String string(JsonNode value, String at, int maxLength) {
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw Paging.badParameter(at, "must be a string");
        }
        if (value.asText().length() > maxLength) {
            throw Paging.badParameter(at, "is longer than " + maxLength + " characters");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static String overrideNote(OverrideReason overrideReason) {
        String note = overrideReason == null ? "Overridden in the EHR without a reason given"
                : "Overridden in the EHR: " + overrideReason.inWords();
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
