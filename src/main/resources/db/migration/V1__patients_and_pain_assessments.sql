-- Patients, their live state and the pain timeline. Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE patient (
    id                      UUID         NOT NULL PRIMARY KEY,
    mrn                     VARCHAR(64)  NOT NULL,
    birth_year              INTEGER,
    sex                     VARCHAR(16),
    icd10                   VARCHAR(16),
    primary_site            VARCHAR(32),
    metastatic              BOOLEAN,
    bone_metastases         BOOLEAN,
    life_expectancy_months  INTEGER,
    contraindications       VARCHAR(256) NOT NULL DEFAULT '',
    pain_conditions         VARCHAR(256) NOT NULL DEFAULT '',
    status                  VARCHAR(16)  NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT       NOT NULL,
    -- A duplicate MRN is refused by the database, not by a read-then-write race.
    CONSTRAINT uq_patient_mrn UNIQUE (mrn)
);

-- One row per patient, updated in the same transaction as every fact that changes it. The worklist and cohort
-- statistics read these columns; they never recompute from history.
CREATE TABLE patient_state (
    patient_id              UUID         NOT NULL PRIMARY KEY,
    ladder_step             INTEGER      NOT NULL DEFAULT 0,
    ladder_since            TIMESTAMP WITH TIME ZONE,
    latest_score            INTEGER,
    latest_assessed_at      TIMESTAMP WITH TIME ZONE,
    latest_btp_episodes_24h INTEGER,
    latest_background_score INTEGER,
    latest_background_at    TIMESTAMP WITH TIME ZONE,
    pain_control            VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN',
    omedd_mg                NUMERIC(12, 2) NOT NULL DEFAULT 0,
    refractory              BOOLEAN      NOT NULL DEFAULT FALSE,
    open_refractory_case_id UUID,
    patient_status          VARCHAR(16)  NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_patient_state_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_state_status_step ON patient_state (patient_status, ladder_step);
CREATE INDEX ix_patient_state_status_control ON patient_state (patient_status, pain_control, latest_background_at);
CREATE INDEX ix_patient_state_status_refractory ON patient_state (patient_status, refractory);

CREATE TABLE pain_assessment (
    id                        UUID         NOT NULL PRIMARY KEY,
    patient_id                UUID         NOT NULL,
    external_id               VARCHAR(128),
    -- SHA-256 of the normalised request: an EHR retry with the same externalId is recognised by content.
    content_hash              VARCHAR(64)  NOT NULL,
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    scale                     VARCHAR(8)   NOT NULL,
    raw_value                 VARCHAR(32)  NOT NULL,
    score                     INTEGER      NOT NULL,
    kind                      VARCHAR(16)  NOT NULL,
    site                      VARCHAR(32),
    mechanism                 VARCHAR(32)  NOT NULL,
    course                    VARCHAR(16)  NOT NULL,
    acute_cause               VARCHAR(32),
    breakthrough_episodes_24h INTEGER,
    adverse_effects           VARCHAR(512) NOT NULL DEFAULT '',
    source                    VARCHAR(16)  NOT NULL,
    -- The decision taken when this fact arrived, so a retried POST answers with the same evaluation.
    evaluated_ladder_step     INTEGER      NOT NULL,
    evaluated_pain_control    VARCHAR(16)  NOT NULL,
    evaluated_refractory_case_id UUID,
    CONSTRAINT fk_pain_assessment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_pain_assessment_score CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT uq_pain_assessment_external UNIQUE (patient_id, external_id)
);
CREATE INDEX ix_pain_assessment_patient_recorded ON pain_assessment (patient_id, recorded_at);
