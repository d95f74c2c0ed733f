package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.procedure.ProcedureClosing;
import org.painladder.domain.refractory.CaseTransition;
import org.painladder.domain.refractory.ClosingSuggestion;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryDetector;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.persistence.Page;
import org.painladder.persistence.Procedures;
import org.painladder.persistence.RefractoryCases;
import org.painladder.persistence.RefractoryCases.WorklistPage;
import org.painladder.persistence.ReplicaReads;
import org.painladder.persistence.WorklistQuery;

/** The palliative team's worklist and case detail, with days on step 3 as of now and any REF-02 suggestion. */
@ApplicationScoped
public class ReadingRefractoryCases {

    /**
     * A case as the team sees it now.
     *
     * @param closingSuggestion REF-02's suggestion to close, or null
     * @param history           every status change, oldest first; null in the worklist
     */
    public record CaseView(RefractoryCase refractoryCase, Integer daysOnStep3, ClosingSuggestion closingSuggestion,
                           List<CaseTransition> history) {
    }

    private final RefractoryCases cases;
    private final RefractoryDetector detector;
    private final Clock clock;
    private final Procedures procedures;
    private final ReplicaReads replicaReads;

    ReadingRefractoryCases(RefractoryCases cases, RefractoryPolicy policy, Clock clock, Procedures procedures,
                           ReplicaReads replicaReads) {
        this.cases = cases;
        this.procedures = procedures;
        this.replicaReads = replicaReads;
        this.detector = new RefractoryDetector(policy);
        this.clock = clock;
    }

    /** Read from the read replica when one is configured (ReplicaReads): the worklist tolerates its lag. */
    @Transactional
    public Page<CaseView> worklist(WorklistQuery query) {
        Instant now = clock.instant();
        record Read(Page<RefractoryCase> page, Map<UUID, List<Procedure>> proceduresByPatient) {
        }
        Read read = replicaReads.read(readers -> {
            WorklistPage listed = readers.refractoryCases().worklist(query);
            List<RefractoryCase> open = listed.page().items().stream().filter(c -> c.status().isOpen()
                    && listed.procedureSinceFlagged().contains(c.patientId())).toList();
            return new Read(listed.page(), open.stream().map(RefractoryCase::flaggedAt).min(Comparator.naturalOrder())
                    .map(earliest -> readers.procedures().recordedSince(
                            open.stream().map(RefractoryCase::patientId).toList(), earliest))
                    .orElse(Map.<UUID, List<Procedure>>of()));
        });
        Page<RefractoryCase> page = read.page();
        Map<UUID, List<Procedure>> proceduresByPatient = read.proceduresByPatient();
        return page.map(c -> view(c, null, now, proceduresByPatient.getOrDefault(c.patientId(), List.of()).stream()
                .filter(done -> !done.recordedAt().isBefore(c.flaggedAt())).toList()));
    }

    @Transactional
    public CaseView find(UUID caseId) {
        RefractoryCase found = cases.find(caseId).orElseThrow(() -> new NotFoundException("refractory case", caseId));
        List<Procedure> done = found.status().isOpen()
                ? procedures.recordedSince(found.patientId(), found.flaggedAt()) : List.of();
        return view(found, cases.history(caseId), clock.instant(), done);
    }

    /** @param proceduresSinceFlagged procedures recorded since the case was flagged (none for a closed case) */
    private CaseView view(RefractoryCase refractoryCase, List<CaseTransition> history, Instant now,
                          List<Procedure> proceduresSinceFlagged) {
        // A procedure done since the case was flagged (REF-03) says more than pain controlled alone (REF-02).
        Optional<ClosingSuggestion> suggestion = refractoryCase.status().isOpen()
                ? ProcedureClosing.suggest(refractoryCase, proceduresSinceFlagged)
                : Optional.empty();
        return new CaseView(refractoryCase, refractoryCase.daysOnStep3(now), suggestion.or(() ->
                detector.closingSuggestion(refractoryCase.status(), refractoryCase.controlledSince(), now))
                .orElse(null), history);
    }
}
