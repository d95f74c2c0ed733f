-- The number of pain assessments a patient has, kept with the live state, so that the unfiltered timeline answers
-- its total without counting the patient's whole history on every read (issue 14).
ALTER TABLE patient_state ADD COLUMN assessment_count BIGINT NOT NULL DEFAULT 0;
UPDATE patient_state SET assessment_count = (SELECT COUNT(*) FROM pain_assessment a
                                             WHERE a.patient_id = patient_state.patient_id);
