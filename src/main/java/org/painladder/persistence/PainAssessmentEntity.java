package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "pain_assessment")
class PainAssessmentEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    String externalId;
    @Column(nullable = false)
    String contentHash;
    @Column(nullable = false)
    Instant recordedAt;
    @Column(nullable = false)
    Instant receivedAt;
    @Column(nullable = false)
    String scale;
    @Column(nullable = false)
    String rawValue;
    int score;
    @Column(nullable = false)
    String kind;
    String site;
    @Column(nullable = false)
    String mechanism;
    @Column(nullable = false)
    String course;
    String acuteCause;
    @Column(name = "breakthrough_episodes_24h")
    Integer breakthroughEpisodes24h;
    @Column(nullable = false)
    String adverseEffects;
    @Column(nullable = false)
    String source;
    String breakthroughType;
    @Column(nullable = false)
    String redFlags;
    int evaluatedLadderStep;
    @Column(nullable = false)
    String evaluatedPainControl;
    UUID evaluatedRefractoryCaseId;
    Instant retractedAt;
    String retractedBy;
    String amendedAs;
    Instant amendedAt;
    String amendedBy;
    String originalRawValue;
    Integer originalScore;
    Instant originalRecordedAt;
}
