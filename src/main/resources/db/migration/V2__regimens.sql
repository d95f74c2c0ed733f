-- Analgesic regimens: each change is a new version row, the old ones stay as history. Portable SQL (H2, PostgreSQL).

CREATE TABLE regimen (
    id                 UUID           NOT NULL PRIMARY KEY,
    patient_id         UUID           NOT NULL,
    version            INTEGER        NOT NULL,
    effective_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by         VARCHAR(128),
    reason             VARCHAR(500),
    -- What the regimen meant when recorded, under the factor profile named in factors_used.
    ladder_step        INTEGER        NOT NULL,
    omedd_mg           NUMERIC(12, 2) NOT NULL,
    prn_omedd_mg       NUMERIC(12, 2) NOT NULL,
    factors_used       VARCHAR(64)    NOT NULL,
    -- The per-item OMEDD trace and the warnings, as JSON text, so history answers exactly what was shown then.
    contributions_json VARCHAR(20000) NOT NULL,
    warnings_json      VARCHAR(20000) NOT NULL,
    CONSTRAINT fk_regimen_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT uq_regimen_patient_version UNIQUE (patient_id, version),
    CONSTRAINT ck_regimen_step CHECK (ladder_step BETWEEN 0 AND 3)
);
CREATE INDEX ix_regimen_patient_effective ON regimen (patient_id, effective_at);

CREATE TABLE regimen_item (
    id              UUID           NOT NULL PRIMARY KEY,
    regimen_id      UUID           NOT NULL,
    item_index      INTEGER        NOT NULL,
    drug            VARCHAR(32)    NOT NULL,
    route           VARCHAR(16)    NOT NULL,
    dose            NUMERIC(12, 3) NOT NULL,
    unit            VARCHAR(8)     NOT NULL,
    times_per_day   INTEGER        NOT NULL,
    prn             BOOLEAN        NOT NULL,
    CONSTRAINT fk_regimen_item_regimen FOREIGN KEY (regimen_id) REFERENCES regimen (id),
    CONSTRAINT uq_regimen_item_index UNIQUE (regimen_id, item_index),
    CONSTRAINT ck_regimen_item_dose CHECK (dose > 0)
);
