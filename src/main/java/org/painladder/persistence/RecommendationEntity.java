package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "recommendation")
class RecommendationEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    @Column(nullable = false)
    Instant createdAt;
    @Column(nullable = false)
    String type;
    @Column(nullable = false)
    String ruleId;
    @Column(nullable = false)
    String rulesVersion;
    @Column(nullable = false)
    String rationale;
    @Column(nullable = false)
    String evidence;
    @Column(nullable = false)
    String proposal;
    @Column(nullable = false)
    String safetyChecks;
    @Column(nullable = false)
    String fingerprint;
    long regimenVersion;
    @Column(nullable = false)
    String status;
    boolean ladderMove;
    UUID pendingLadderSlot;
    UUID createdByAssessmentId;
    UUID supersededBy;
    String decidedBy;
    Instant decidedAt;
    String decisionNote;
    String overrideReasonSystem;
    String overrideReasonCode;
    String overrideReasonDisplay;
    String overrideUserComment;
    @Version
    long version;
}
