package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "patient_state")
class PatientStateEntity {
    @Id
    UUID patientId;
    /** Read with the state in one statement: every use of a patient needs both. */
    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "patient_id", insertable = false, updatable = false)
    PatientEntity patient;
    int ladderStep;
    Instant ladderSince;
    Integer latestScore;
    Instant latestAssessedAt;
    @Column(name = "latest_btp_episodes_24h")
    Integer latestBtpEpisodes24h;
    Integer latestBackgroundScore;
    Instant latestBackgroundAt;
    @Column(nullable = false)
    String painControl;
    @Column(nullable = false)
    BigDecimal omeddMg;
    boolean refractory;
    UUID openRefractoryCaseId;
    @Column(nullable = false)
    String patientStatus;
    /** Kept by {@link PainAssessmentIngest#store}, the only way an assessment is stored. */
    long assessmentCount;
    /** Kept by {@link Procedures#insert}, the only way a procedure is stored; null until the first. */
    Instant latestProcedureAt;
    /** Kept by {@link Regimens#insert}, the only way a regimen is stored: its highest version; null until the first. */
    UUID currentRegimenId;
    @Column(nullable = false)
    Instant updatedAt;
}
