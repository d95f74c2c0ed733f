-- The patient's current regimen (the highest version), kept with the live state, so that an ingest, which holds that
-- row locked, knows whether the regimens it remembers are still the patient's without reading them again (issue 14).
-- Null: no regimen yet.
ALTER TABLE patient_state ADD COLUMN current_regimen_id UUID;
UPDATE patient_state SET current_regimen_id = (SELECT r.id FROM regimen r WHERE r.patient_id = patient_state.patient_id
                                               ORDER BY r.version DESC FETCH FIRST 1 ROW ONLY);
ALTER TABLE patient_state ADD CONSTRAINT fk_patient_state_current_regimen
    FOREIGN KEY (current_regimen_id) REFERENCES regimen (id);
