package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.painladder.persistence.FhirBundleReceipts;
import org.painladder.persistence.FhirBundleReceipts.Receipt;
import org.painladder.persistence.Patients;

/**
 * A FHIR Bundle of the patient's active MedicationRequests replaces the regimen exactly as PUT /regimen does. A
 * Bundle with an identifier is recorded once: sent again, it gets its first answer back and nothing is recorded; the
 * same identifier with other content is a conflict. The answer is kept in the transaction that recorded the regimen.
 * If-Match is checked as PUT /regimen checks it, once the Bundle is known to be no resend: a retry of a recorded
 * Bundle still names the version that Bundle replaced, and gets its first answer again.
 */
@ApplicationScoped
public class RecordingRegimenBundle {

    /** @param replayed true when the Bundle was recorded before and this is its first answer again */
    public record Answer(String body, boolean replayed) {
    }

    private final Patients patients;
    private final RecordingRegimen recordingRegimen;
    private final FhirBundleReceipts receipts;
    private final Clock clock;

    RecordingRegimenBundle(Patients patients, RecordingRegimen recordingRegimen, FhirBundleReceipts receipts,
                           Clock clock) {
        this.patients = patients;
        this.recordingRegimen = recordingRegimen;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * @param bundleIdentifier Bundle.identifier as system|value, or null when the Bundle has none
     * @param contentSha256    a hash of the Bundle's content, to tell a resend from another Bundle
     * @param expectedVersion  the regimen versions named by If-Match ("0" for "none yet")
     * @param answer           renders the answer from what was recorded
     */
    @Transactional
    public Answer record(String bundleIdentifier, String contentSha256, UUID patientId, ExpectedVersion expectedVersion,
                         NewRegimen regimen, Function<RecordingRegimen.Outcome, String> answer) {
        // The patient's lock orders this Bundle with a resend of it, which then finds the receipt.
        patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        if (bundleIdentifier != null) {
            Optional<Receipt> earlier = receipts.find(bundleIdentifier);
            if (earlier.isPresent()) {
                if (!earlier.get().patientId().equals(patientId)
                        || !earlier.get().contentSha256().equals(contentSha256)) {
                    throw new ConflictException("A Bundle with this identifier was already recorded with other"
                            + " content; give a changed Bundle a new identifier");
                }
                return new Answer(earlier.get().responseBody(), true);
            }
        }
        String body = answer.apply(recordingRegimen.record(patientId, expectedVersion, regimen));
        if (bundleIdentifier != null) {
            receipts.insert(bundleIdentifier, new Receipt(patientId, contentSha256, body), clock.instant());
        }
        return new Answer(body, false);
    }
}
