package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.persistence.RefractoryCases;

/**
 * A new fact moved the patient's live state on: copy the latest score, OMEDD and pain control onto the open case,
 * so the worklist sorts on current figures and REF-02 can see how long pain has been controlled.
 */
@ApplicationScoped
public class RefreshingRefractoryCase {

    private final RefractoryCases cases;
    private final Clock clock;

    RefreshingRefractoryCase(RefractoryCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Call after the caller has saved the patient's new live state. Answers the refreshed case, if one is open. The
     * live state names the open case (opening and closing a case set it), so most patients, who have none, cost no
     * query here.
     *
     * @param state the live state as saved, the case just opened included
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RefractoryCase> refresh(UUID patientId, LiveState state) {
        if (state.openRefractoryCaseId() == null) {
            return Optional.empty();
        }
        Optional<RefractoryCase> open = cases.findOpen(patientId);
        if (open.isEmpty()) {
            return open;
        }
        RefractoryCase refreshed = open.get().withFigures(state.latestScore(), state.omeddMg(), state.painControl(),
                state.latestBackgroundAt());
        cases.saveFigures(refreshed, clock.instant());
        return Optional.of(refreshed);
    }
}
