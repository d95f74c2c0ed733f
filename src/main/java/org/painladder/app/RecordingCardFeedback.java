package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.DecidingRecommendation.ClinicianDecision;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.recommendation.OverrideReason;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.persistence.CdsOrderCards;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Recommendations;
import org.painladder.persistence.RefractoryCases;

/**
 * A clinician's answer to a card in the EHR (CDS Hooks feedback): accepting a recommendation's card accepts the
 * recommendation, overriding it rejects it with the override reason, dated when the clinician acted. A card is
 * answered once: feedback on a recommendation that is no longer pending changes nothing. Feedback names only cards
 * the service it is sent to issued; one that names any other card decides nothing at all.
 */
@ApplicationScoped
public class RecordingCardFeedback {

    /** How far an EHR's clock may be ahead of or behind ours, as for the CDS client's token. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** Which cards a service issues: patient-view's are recommendations and refractory cases; the order hooks' are kept. */
    public enum Cards { PATIENT_VIEW, ORDERS }

    /**
     * One entry of a feedback request, read and checked.
     *
     * @param at             where it is in the request ("feedback[0]"), for naming what is wrong with it
     * @param note           the decision note in words
     * @param overrideReason the reason the clinician picked or wrote when overriding, else null
     * @param outcomeAt      when the clinician acted on the card (outcomeTimestamp)
     */
    public record Answer(String at, UUID card, boolean accepted, String note, OverrideReason overrideReason,
                         Instant outcomeAt) {
    }

    /**
     * What the feedback did, and whose card it was.
     *
     * @param result ACCEPTED or REJECTED (the recommendation was decided), RECORDED (an order card's first answer was
     *               kept), or IGNORED (answered before, or a card that decides nothing)
     */
    public record Outcome(UUID patientId, String result) {
    }

    /** Feedback names a card the service never issued: nothing is recorded (400, naming each). */
    public static class UnknownCardException extends RuntimeException {

        private final List<String> fields;

        UnknownCardException(List<String> fields) {
            super(fields.size() + " feedback entries name no card of this service");
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }

    private enum Kind { RECOMMENDATION, REFRACTORY_CASE, ORDER }

    /** A card the service issued: what it was about, whose, and the earliest it can have been shown. */
    private record Issued(Kind kind, UUID patientId, Instant issuedAt) {
    }

    private final Patients patients;
    private final Recommendations recommendations;
    private final RefractoryCases refractoryCases;
    private final CdsOrderCards orderCards;
    private final DecidingRecommendation decidingRecommendation;
    private final Clock clock;

    RecordingCardFeedback(Patients patients, Recommendations recommendations, RefractoryCases refractoryCases,
                          CdsOrderCards orderCards, DecidingRecommendation decidingRecommendation, Clock clock) {
        this.patients = patients;
        this.recommendations = recommendations;
        this.refractoryCases = refractoryCases;
        this.orderCards = orderCards;
        this.decidingRecommendation = decidingRecommendation;
        this.clock = clock;
    }

    /**
     * Every entry's card is found, and its time checked against when the card was issued, before any is applied.
     *
     * @param serviceId the service the feedback was sent to
     * @throws UnknownCardException        when an entry names a card this service did not issue
     * @throws ClinicalValidationException when an entry says the clinician acted before the card was issued
     */
    @Transactional
    public List<Outcome> record(String serviceId, Cards cards, List<Answer> answers, String clinician) {
        List<Issued> issued = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Answer answer : answers) {
            Optional<Issued> card = issued(serviceId, cards, answer.card());
            card.ifPresentOrElse(issued::add, () -> unknown.add(answer.at() + ".card"));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownCardException(unknown);
        }
        List<ClinicalValidationException.Violation> early = new ArrayList<>();
        for (int index = 0; index < answers.size(); index++) {
            Instant issuedAt = issued.get(index).issuedAt();
            if (answers.get(index).outcomeAt().isBefore(issuedAt.minus(CLOCK_SKEW))) {
                early.add(new ClinicalValidationException.Violation(answers.get(index).at() + ".outcomeTimestamp",
                        "is " + answers.get(index).outcomeAt() + ", before the card was issued (" + issuedAt
                                + "): a clinician answers a card they were shown"));
            }
        }
        if (!early.isEmpty()) {
            throw new ClinicalValidationException(early);
        }
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        for (int index = 0; index < answers.size(); index++) {
            Answer answer = answers.get(index);
            Issued card = issued.get(index);
            // Within the clock skew an EHR's time may fall a little before the card or after now: the decision is
            // dated within what painladder knows happened.
            Instant actedAt = answer.outcomeAt().isAfter(now) ? now
                    : answer.outcomeAt().isBefore(card.issuedAt()) ? card.issuedAt() : answer.outcomeAt();
            outcomes.add(switch (card.kind()) {
                case RECOMMENDATION -> decide(answer, card.patientId(), clinician, actedAt);
                case REFRACTORY_CASE -> new Outcome(card.patientId(), "IGNORED");
                case ORDER -> new Outcome(card.patientId(), orderCards.answered(answer.card(),
                        answer.accepted() ? "accepted" : "overridden", actedAt, clinician, answer.overrideReason())
                        ? "RECORDED" : "IGNORED");
            });
        }
        return outcomes;
    }

    private Optional<Issued> issued(String serviceId, Cards cards, UUID card) {
        if (card == null) {
            return Optional.empty();
        }
        if (cards == Cards.ORDERS) {
            return orderCards.find(card).filter(order -> order.serviceId().equals(serviceId))
                    .map(order -> new Issued(Kind.ORDER, order.patientId(), order.issuedAt()));
        }
        // Columns only: the recommendation itself is read after its patient is locked.
        Optional<Issued> recommendation = recommendations.patientOf(card).map(patientId -> new Issued(
                Kind.RECOMMENDATION, patientId, recommendations.createdAt(card).orElseThrow()));
        if (recommendation.isPresent()) {
            return recommendation;
        }
        return refractoryCases.find(card).map(found -> new Issued(Kind.REFRACTORY_CASE, found.patientId(),
                found.flaggedAt()));
    }

    private Outcome decide(Answer answer, UUID patientId, String clinician, Instant actedAt) {
        // The patient's lock before the recommendation is read again, as in deciding: the same feedback sent twice at
        // once then finds the first one's decision and is ignored, instead of deciding over it.
        patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        Recommendation recommendation = recommendations.find(patientId, answer.card())
                .orElseThrow(() -> new NotFoundException("recommendation", answer.card()));
        if (recommendation.status() != RecommendationStatus.PENDING) {
            return new Outcome(patientId, "IGNORED");
        }
        Recommendation decided = decidingRecommendation.decide(patientId, answer.card(), ExpectedVersion.UNCONDITIONAL,
                new ClinicianDecision(answer.accepted() ? RecommendationStatus.ACCEPTED : RecommendationStatus.REJECTED,
                        clinician, answer.note(), answer.overrideReason(), actedAt));
        return new Outcome(patientId, decided.status().name());
    }
}
