-- When the patient's status last changed (integration round 4, finding 3): a pain score recorded after the status
-- became DECEASED is refused, one recorded before it (charted late) is kept. Patients from before take the best time
-- known: registration for the active ones, their last change for the others.
ALTER TABLE patient ADD COLUMN status_since TIMESTAMP WITH TIME ZONE;
UPDATE patient SET status_since = CASE WHEN status = 'ACTIVE' THEN created_at ELSE updated_at END;
ALTER TABLE patient ALTER COLUMN status_since SET NOT NULL;
