package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "regimen")
class RegimenEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    int version;
    @Column(nullable = false)
    Instant effectiveAt;
    @Column(nullable = false)
    Instant recordedAt;
    String changedBy;
    String recordedBy;
    String reason;
    int ladderStep;
    @Column(nullable = false)
    BigDecimal omeddMg;
    @Column(nullable = false)
    BigDecimal prnOmeddMg;
    @Column(nullable = false)
    String factorsUsed;
    @Column(nullable = false)
    String contributionsJson;
    @Column(nullable = false)
    String warningsJson;
}
