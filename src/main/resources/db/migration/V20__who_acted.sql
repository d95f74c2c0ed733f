-- The clinical record names who really acted (integration round 4, finding 1): the signed-in user, whose name the
-- audit trail keeps in up to 256 characters, so every column naming a person takes as much. A regimen the EHR's
-- account records for a prescriber keeps both: changed_by the prescriber, recorded_by the account (and so does the
-- ladder transition it causes). Rows from before stay without recorded_by: who sent them was not kept.
ALTER TABLE regimen ADD COLUMN recorded_by VARCHAR(256);
ALTER TABLE ladder_transition ADD COLUMN recorded_by VARCHAR(256);
ALTER TABLE regimen ALTER COLUMN changed_by SET DATA TYPE VARCHAR(256);
ALTER TABLE ladder_transition ALTER COLUMN actor SET DATA TYPE VARCHAR(256);
ALTER TABLE recommendation ALTER COLUMN decided_by SET DATA TYPE VARCHAR(256);
ALTER TABLE refractory_case_transition ALTER COLUMN changed_by SET DATA TYPE VARCHAR(256);
ALTER TABLE procedure_done ALTER COLUMN recorded_by SET DATA TYPE VARCHAR(256);
