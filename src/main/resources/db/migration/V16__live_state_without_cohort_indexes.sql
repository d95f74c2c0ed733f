-- The cohort statistics now count the live states in one pass (LiveStates.census), so these three indexes serve no
-- read any more. They cost every ingest: its state update changes latest_background_at, pain_control or ladder_step,
-- so each wrote new entries into them, and an update that changes no indexed column can be heap-only (issue 14).
DROP INDEX ix_patient_state_status_step;
DROP INDEX ix_patient_state_status_control;
DROP INDEX ix_patient_state_status_refractory;
