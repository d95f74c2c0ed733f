package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryDetector;
import org.painladder.domain.refractory.RefractoryFacts;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.domain.refractory.RefractoryVerdict;

/**
 * The refractory step of the evaluation of a new fact (clinical-rules §6.3, after SAFETY and CAUSE): REF-01 on the
 * facts; when it fires, the patient's case is opened (or the open one kept); either way the open case's figures are
 * refreshed. Runs inside the caller's transaction, after the caller saved the patient's new live state.
 */
@ApplicationScoped
public class FlaggingRefractoryPain {

    /**
     * @param verdict    what REF-01 concluded on this fact
     * @param openCaseId the patient's case that is not CLOSED after this fact, or null (the assessment's
     *                   {@code evaluation.refractoryCaseId})
     * @param openedCase the case this fact opened, refreshed, if it opened one
     */
    public record Flagging(RefractoryVerdict verdict, UUID openCaseId, Optional<RefractoryCase> openedCase) {
        public boolean opened() {
            return openedCase.isPresent();
        }
    }

    private final RefractoryDetector detector;
    private final OpeningRefractoryCase opening;
    private final RefreshingRefractoryCase refreshing;

    FlaggingRefractoryPain(RefractoryPolicy policy, OpeningRefractoryCase opening, RefreshingRefractoryCase refreshing) {
        this.detector = new RefractoryDetector(policy);
        this.opening = opening;
        this.refreshing = refreshing;
    }

    /** @param state the patient's live state as the caller saved it, the fact applied */
    @Transactional(Transactional.TxType.MANDATORY)
    public Flagging evaluate(UUID patientId, LiveState state, RefractoryFacts facts) {
        return evaluate(patientId, state, facts, null);
    }

    /**
     * @param state           the patient's live state as the caller saved it, the fact applied
     * @param refreshedCaseId the open case the live state names, whose figures the caller stored with the fact (an
     *                        ingest does, in its write round trip); null to look the open case up and refresh it here
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Flagging evaluate(UUID patientId, LiveState state, RefractoryFacts facts, UUID refreshedCaseId) {
        RefractoryVerdict verdict = detector.evaluate(facts);
        if (refreshedCaseId != null) {
            // A patient keeps the case that is open whatever REF-01 concludes: nothing to open, nothing to look up.
            return new Flagging(verdict, refreshedCaseId, Optional.empty());
        }
        LiveState current = state;
        boolean opened = false;
        if (verdict instanceof RefractoryVerdict.Refractory refractory) {
            OpeningRefractoryCase.Opening outcome = opening.open(patientId, facts, refractory);
            opened = outcome.opened();
            if (opened) {
                current = state.withRefractoryCase(outcome.refractoryCase().id());
            }
        }
        Optional<RefractoryCase> refreshed = refreshing.refresh(patientId, current);
        return new Flagging(verdict, refreshed.map(RefractoryCase::id).orElse(null),
                opened ? refreshed : Optional.empty());
    }
}
