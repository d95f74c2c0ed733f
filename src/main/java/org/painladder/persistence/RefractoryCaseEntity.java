package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refractory_case")
class RefractoryCaseEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    UUID openSlot;
    @Column(nullable = false)
    String status;
    String outcome;
    @Column(nullable = false)
    Instant flaggedAt;
    @Column(nullable = false)
    String mrn;
    String site;
    String primarySite;
    Integer latestScore;
    BigDecimal omeddMg;
    @Column(name = "step3_since")
    Instant step3Since;
    String assignee;
    Instant controlledSince;
    @Column(nullable = false)
    String criteria;
    @Column(nullable = false)
    String candidateInterventions;
    @Column(nullable = false)
    Instant updatedAt;
    /** Moved on by status changes only, so that refreshed figures do not invalidate a reader's If-Match. */
    long version;
}
