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
     * @param verdict  what REF-01 concluded on this fact
     * @param openCase the patient's case that is not CLOSED after this fact, refreshed, if any
     * @param opened   true when this fact opened the case
     */
    public record Flagging(RefractoryVerdict verdict, Optional<RefractoryCase> openCase, boolean opened) {
        /** For the assessment's {@code evaluation.refractoryCaseId}. */
        public UUID openCaseId() {
            return openCase.map(RefractoryCase::id).orElse(null);
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
        RefractoryVerdict verdict = detector.evaluate(facts);
        LiveState current = state;
        boolean opened = false;
        if (verdict instanceof RefractoryVerdict.Refractory refractory) {
            OpeningRefractoryCase.Opening outcome = opening.open(patientId, facts, refractory);
            opened = outcome.opened();
            if (opened) {
                current = state.withRefractoryCase(outcome.refractoryCase().id());
            }
        }
        return new Flagging(verdict, refreshing.refresh(patientId, current), opened);
    }
}
