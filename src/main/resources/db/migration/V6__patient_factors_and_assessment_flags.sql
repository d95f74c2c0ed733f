-- Rules 2026.12.0 (clinical-rules §8.2, §8.6, §8.8): the patient factors that change drug choice and dose, and the
-- breakthrough type and red flags of an assessment. All optional, so existing rows stay valid. Portable SQL for H2
-- and PostgreSQL.

ALTER TABLE patient ADD COLUMN renal_egfr DOUBLE PRECISION;
ALTER TABLE patient ADD COLUMN renal_dialysis VARCHAR(16);
ALTER TABLE patient ADD COLUMN renal_measured_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE patient ADD COLUMN hepatic_impairment VARCHAR(16);
ALTER TABLE patient ADD COLUMN frail BOOLEAN;
ALTER TABLE patient ADD COLUMN weight_kg DOUBLE PRECISION;
ALTER TABLE patient ADD COLUMN unable_to_swallow BOOLEAN;
-- The API's bounds, held by the database too: a value out of range never reaches the rules.
ALTER TABLE patient ADD CONSTRAINT ck_patient_renal_egfr CHECK (renal_egfr IS NULL OR (renal_egfr >= 0 AND renal_egfr <= 200));
ALTER TABLE patient ADD CONSTRAINT ck_patient_weight_kg CHECK (weight_kg IS NULL OR (weight_kg >= 20 AND weight_kg <= 300));

ALTER TABLE pain_assessment ADD COLUMN breakthrough_type VARCHAR(16);
-- Comma-separated RedFlag names, '' when none (as adverse_effects holds its list).
ALTER TABLE pain_assessment ADD COLUMN red_flags VARCHAR(256) DEFAULT '' NOT NULL;
