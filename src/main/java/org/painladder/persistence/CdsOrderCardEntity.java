package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "cds_order_card")
class CdsOrderCardEntity {
    @Id
    UUID uuid;
    @Column(nullable = false)
    String serviceId;
    @Column(nullable = false)
    UUID patientId;
    @Column(nullable = false)
    String topic;
    @Column(nullable = false)
    Instant issuedAt;
    String outcome;
    Instant outcomeAt;
    String decidedBy;
    String overrideReasonSystem;
    String overrideReasonCode;
    String overrideReasonDisplay;
    String overrideUserComment;
}
