package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.painladder.domain.ladder.RegimenFacts;

/** What the ladder rules need to know about a patient's current regimen. */
@ApplicationScoped
public class CurrentRegimenFacts {

    public RegimenFacts of(UUID patientId) {
        return RegimenFacts.none();
    }
}
