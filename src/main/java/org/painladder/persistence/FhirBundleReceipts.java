package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The answer given to each identified FHIR Bundle of MedicationRequests, so a resent Bundle is answered alike. */
@ApplicationScoped
public class FhirBundleReceipts {

    /** What the first Bundle with an identifier left: whose it was, a hash of its content, and the answer. */
    public record Receipt(UUID patientId, String contentSha256, String responseBody) {
    }

    private final EntityManager entityManager;

    FhirBundleReceipts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Receipt> find(String bundleIdentifier) {
        // The id as text: H2 hands a native UUID column back as bytes, PostgreSQL as a UUID.
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(patient_id AS VARCHAR(36)), content_sha256,"
                        + " response_body FROM fhir_bundle_receipt WHERE bundle_identifier = ?1")
                .setParameter(1, bundleIdentifier).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Receipt(UUID.fromString(row[0].toString()), row[1].toString(), row[2].toString()));
    }

    /** Joins the transaction that recorded the regimen, so the receipt exists exactly when the regimen does. */
    public void insert(String bundleIdentifier, Receipt receipt, Instant now) {
        entityManager.createNativeQuery("INSERT INTO fhir_bundle_receipt (bundle_identifier, patient_id,"
                        + " content_sha256, response_body, received_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, bundleIdentifier).setParameter(2, receipt.patientId())
                .setParameter(3, receipt.contentSha256()).setParameter(4, receipt.responseBody())
                .setParameter(5, now).executeUpdate();
    }
}
