package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.patient.TransitionCause;

/** Each patient's ladder history: every move of the step, oldest first. */
@ApplicationScoped
public class LadderTransitions {

    private final EntityManager entityManager;

    LadderTransitions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void insert(UUID patientId, LadderTransition transition) {
        LadderTransitionEntity entity = new LadderTransitionEntity();
        entity.id = UUID.randomUUID();
        entity.patientId = patientId;
        entity.fromStep = transition.fromStep();
        entity.toStep = transition.toStep();
        entity.occurredAt = transition.at();
        entity.cause = transition.cause().name();
        entity.recommendationId = transition.recommendationId();
        entity.actor = transition.actor();
        entity.recordedBy = transition.recordedBy();
        entityManager.persist(entity);
    }

    public List<LadderTransition> of(UUID patientId) {
        return entityManager.createQuery("from LadderTransitionEntity where patientId = :patientId"
                        + " order by occurredAt", LadderTransitionEntity.class)
                .setParameter("patientId", patientId)
                .getResultStream()
                .map(entity -> new LadderTransition(entity.fromStep, entity.toStep, entity.occurredAt,
                        TransitionCause.valueOf(entity.cause), entity.recommendationId, entity.actor,
                        entity.recordedBy))
                .toList();
    }
}
