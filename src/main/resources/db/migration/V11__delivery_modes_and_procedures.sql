-- Delivery modes of regimen lines and interventions done (clinical-rules §8.10). Portable SQL (H2, PostgreSQL).

-- An infusion or a PCA has no single dose nor times per day; its own fields say how it delivers the drug.
ALTER TABLE regimen_item ALTER COLUMN dose DROP NOT NULL;
ALTER TABLE regimen_item ALTER COLUMN times_per_day DROP NOT NULL;
ALTER TABLE regimen_item ADD COLUMN mode VARCHAR(24) DEFAULT 'SCHEDULED' NOT NULL;
ALTER TABLE regimen_item ADD COLUMN rate_per_hour NUMERIC(12, 3);
ALTER TABLE regimen_item ADD COLUMN bolus_dose NUMERIC(12, 3);
ALTER TABLE regimen_item ADD COLUMN lockout_minutes INTEGER;
ALTER TABLE regimen_item ADD COLUMN max_dose_per_4h NUMERIC(12, 3);

CREATE TABLE procedure_done (
    id            UUID         NOT NULL PRIMARY KEY,
    patient_id    UUID         NOT NULL,
    type          VARCHAR(48)  NOT NULL,
    performed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(2000),
    performed_by  VARCHAR(128),
    recorded_by   VARCHAR(128) NOT NULL,
    CONSTRAINT fk_procedure_done_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_procedure_done_patient_performed ON procedure_done (patient_id, performed_at);
