-- The ladder's recommendations and the patient's step transitions (api.md "The ladder and its recommendations").
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE recommendation (
    id                    UUID          NOT NULL PRIMARY KEY,
    patient_id            UUID          NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    type                  VARCHAR(32)   NOT NULL,
    rule_id               VARCHAR(16)   NOT NULL,
    rules_version         VARCHAR(32)   NOT NULL,
    rationale             VARCHAR(4000) NOT NULL,
    -- Evidence and proposal as the engine wrote them, JSON text: a clinician sees exactly what the rule saw.
    evidence              VARCHAR(20000) NOT NULL,
    proposal              VARCHAR(20000) NOT NULL,
    -- "The same advice" (type, rule and proposal identity): an equal pending one is not repeated.
    fingerprint           VARCHAR(1000) NOT NULL,
    regimen_version       BIGINT        NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    ladder_move           BOOLEAN       NOT NULL,
    -- The patient's id while this is a PENDING ladder move, else NULL: the unique constraint below lets the
    -- database refuse a second pending ladder move for one patient, whatever the code does.
    pending_ladder_slot   UUID,
    -- The assessment whose evaluation created it (NULL for a regimen change): an EHR retry of that assessment
    -- answers the same evaluation.
    created_by_assessment_id UUID,
    superseded_by         UUID,
    decided_by            VARCHAR(128),
    decided_at            TIMESTAMP WITH TIME ZONE,
    decision_note         VARCHAR(2000),
    version               BIGINT        NOT NULL,
    CONSTRAINT fk_recommendation_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_recommendation_status CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
    CONSTRAINT ck_recommendation_slot CHECK (pending_ladder_slot IS NULL
        OR (pending_ladder_slot = patient_id AND status = 'PENDING' AND ladder_move)),
    CONSTRAINT uq_recommendation_pending_ladder UNIQUE (pending_ladder_slot)
);
CREATE INDEX ix_recommendation_patient_status ON recommendation (patient_id, status, created_at);
CREATE INDEX ix_recommendation_assessment ON recommendation (created_by_assessment_id);

CREATE TABLE ladder_transition (
    id                UUID         NOT NULL PRIMARY KEY,
    patient_id        UUID         NOT NULL,
    from_step         INTEGER      NOT NULL,
    to_step           INTEGER      NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cause             VARCHAR(32)  NOT NULL,
    recommendation_id UUID,
    actor             VARCHAR(128) NOT NULL,
    CONSTRAINT fk_ladder_transition_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_ladder_transition_recommendation FOREIGN KEY (recommendation_id) REFERENCES recommendation (id),
    CONSTRAINT ck_ladder_transition_steps CHECK (from_step BETWEEN 0 AND 3 AND to_step BETWEEN 0 AND 3
        AND from_step <> to_step),
    CONSTRAINT ck_ladder_transition_cause CHECK (cause IN ('REGIMEN_CHANGE', 'RECOMMENDATION_ACCEPTED'))
);
CREATE INDEX ix_ladder_transition_patient_at ON ladder_transition (patient_id, occurred_at);
