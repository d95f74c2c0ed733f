-- When the patient's latest procedure was performed, kept with the live state (procedures are never changed or
-- removed), so that an ingest reads the procedures in STD-01's look-back only for a patient who has one (issue 14).
ALTER TABLE patient_state ADD COLUMN latest_procedure_at TIMESTAMP WITH TIME ZONE;
UPDATE patient_state SET latest_procedure_at = (SELECT MAX(d.performed_at) FROM procedure_done d
                                                WHERE d.patient_id = patient_state.patient_id);
