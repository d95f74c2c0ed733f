package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.PatientStatus;

/**
 * Counts over the patients' live-state rows for cohort statistics, each served by a (patient_status, ...) index;
 * nothing is recomputed from the pain history.
 */
@ApplicationScoped
public class LiveStates {

    /**
     * @param activeByStep         active patients on each ladder step 0–3
     * @param activeControlled     active patients whose pain is CONTROLLED on a background score that is not stale
     * @param activeRefractory     active patients with a case that is not CLOSED
     * @param refractoryAnyStatus  patients of any status with a case that is not CLOSED
     */
    public record Census(Map<Integer, Long> activeByStep, long activeControlled, long activeRefractory,
                         long refractoryAnyStatus) {
    }

    private static final String ACTIVE = PatientStatus.ACTIVE.name();

    private final EntityManager entityManager;

    LiveStates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param freshSince a CONTROLLED state counts only when its background score was recorded at or after this */
    public Census census(Instant freshSince) {
        Map<Integer, Long> byStep = new TreeMap<>();
        entityManager.createQuery("select s.ladderStep, count(s) from PatientStateEntity s"
                        + " where s.patientStatus = :active group by s.ladderStep", Object[].class)
                .setParameter("active", ACTIVE)
                .getResultStream().forEach(row -> byStep.put(((Number) row[0]).intValue(), (Long) row[1]));
        long controlled = entityManager.createQuery("select count(s) from PatientStateEntity s where s.patientStatus"
                        + " = :active and s.painControl = :controlled and s.latestBackgroundAt >= :fresh", Long.class)
                .setParameter("active", ACTIVE).setParameter("controlled", PainControl.CONTROLLED.name())
                .setParameter("fresh", freshSince).getSingleResult();
        long activeRefractory = 0;
        long anyRefractory = 0;
        for (Object[] row : entityManager.createQuery("select s.patientStatus, count(s) from PatientStateEntity s"
                + " where s.refractory = true group by s.patientStatus", Object[].class).getResultList()) {
            anyRefractory += (Long) row[1];
            activeRefractory += ACTIVE.equals(row[0]) ? (Long) row[1] : 0;
        }
        return new Census(byStep, controlled, activeRefractory, anyRefractory);
    }
}
