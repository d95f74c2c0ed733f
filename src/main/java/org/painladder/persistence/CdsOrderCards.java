package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.recommendation.OverrideReason;

/**
 * The cards the order services issued, so that feedback on one is told from feedback on a card they never issued,
 * and the clinician's first answer to it is kept (an overridden warning is what a safety review asks for).
 */
@ApplicationScoped
public class CdsOrderCards {

    /** A card as issued: by which service, for whom, about what (its source topic), and when. */
    public record IssuedCard(UUID uuid, String serviceId, UUID patientId, String topic, Instant issuedAt) {
    }

    private final EntityManager entityManager;

    CdsOrderCards(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void issued(List<IssuedCard> cards) {
        for (IssuedCard card : cards) {
            CdsOrderCardEntity entity = new CdsOrderCardEntity();
            entity.uuid = card.uuid();
            entity.serviceId = card.serviceId();
            entity.patientId = card.patientId();
            entity.topic = card.topic();
            entity.issuedAt = card.issuedAt();
            entityManager.persist(entity);
        }
    }

    public Optional<IssuedCard> find(UUID uuid) {
        return Optional.ofNullable(entityManager.find(CdsOrderCardEntity.class, uuid)).map(entity -> new IssuedCard(
                entity.uuid, entity.serviceId, entity.patientId, entity.topic, entity.issuedAt));
    }

    /**
     * Keeps the first answer to the card; the row is claimed in one statement, so of two answers sent at once one
     * is kept and the other finds it taken.
     *
     * @param outcome accepted or overridden, as CDS Hooks says it
     * @return false when the card was answered before
     */
    public boolean answered(UUID uuid, String outcome, Instant at, String clinician, OverrideReason reason) {
        return entityManager.createQuery("update CdsOrderCardEntity set outcome = :outcome, outcomeAt = :at,"
                        + " decidedBy = :clinician, overrideReasonSystem = :system, overrideReasonCode = :code,"
                        + " overrideReasonDisplay = :display, overrideUserComment = :comment"
                        + " where uuid = :uuid and outcome is null")
                .setParameter("uuid", uuid).setParameter("outcome", outcome).setParameter("at", at)
                .setParameter("clinician", clinician)
                .setParameter("system", reason == null ? null : reason.system())
                .setParameter("code", reason == null ? null : reason.code())
                .setParameter("display", reason == null ? null : reason.display())
                .setParameter("comment", reason == null ? null : reason.userComment())
                .executeUpdate() == 1;
    }
}
