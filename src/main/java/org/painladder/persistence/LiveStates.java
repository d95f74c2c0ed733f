package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.PatientStatus;

/** Counts over the patients' live-state rows for cohort statistics; nothing is recomputed from the pain history. */
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

    /**
     * One pass over the live states, grouped by status, step and refractory flag (a few dozen groups), so that the
     * counts agree with each other and cost one statement.
     *
     * @param freshSince a CONTROLLED state counts only when its background score was recorded at or after this
     */
    public Census census(Instant freshSince) {
        Map<Integer, Long> byStep = new TreeMap<>();
        long controlled = 0;
        long activeRefractory = 0;
        long anyRefractory = 0;
        for (Object[] row : entityManager.createQuery("select s.patientStatus, s.ladderStep, s.refractory, count(s),"
                        + " count(s) filter (where s.painControl = :controlled and s.latestBackgroundAt >= :fresh)"
                        + " from PatientStateEntity s group by s.patientStatus, s.ladderStep, s.refractory",
                        Object[].class)
                .setParameter("controlled", PainControl.CONTROLLED.name()).setParameter("fresh", freshSince)
                .getResultList()) {
            boolean active = ACTIVE.equals(row[0]);
            long patients = (Long) row[3];
            if (active) {
                byStep.merge(((Number) row[1]).intValue(), patients, Long::sum);
                controlled += (Long) row[4];
            }
            if (Boolean.TRUE.equals(row[2])) {
                anyRefractory += patients;
                activeRefractory += active ? patients : 0;
            }
        }
        return new Census(byStep, controlled, activeRefractory, anyRefractory);
    }
}
