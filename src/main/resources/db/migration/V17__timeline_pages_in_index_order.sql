-- A page of the timeline in the index's order (issue 14). The service orders a patient's scores by recorded_at, then
-- received_at, both descending; V1's index holds recorded_at only. Once the driver prepares the page query on the
-- server, PostgreSQL keeps one generic plan for every patient, and that plan, blind to how many scores a patient has,
-- read and sorted all of them on every call: at 100 scores a timeline cost twice a GET patient in PostgreSQL, and
-- more as a stay grows. Read backwards, this index gives the page in order and stops at its end. Its first two
-- columns still serve every look-back window by recorded_at, so it replaces V1's.
CREATE INDEX ix_pain_assessment_patient_recorded_received ON pain_assessment (patient_id, recorded_at, received_at);
DROP INDEX ix_pain_assessment_patient_recorded;
