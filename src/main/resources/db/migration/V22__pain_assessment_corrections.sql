-- An EHR corrects a charted pain score by sending it again under its identifier (FHIR status amended / corrected /
-- entered-in-error). The row is never deleted: a retraction is marked with who and when, and every read, window and
-- count leaves it out; an amendment keeps the value, scale reading and time first sent, for the audit trail.
ALTER TABLE pain_assessment ADD COLUMN retracted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pain_assessment ADD COLUMN retracted_by VARCHAR(256);
ALTER TABLE pain_assessment ADD COLUMN amended_as VARCHAR(16);
ALTER TABLE pain_assessment ADD COLUMN amended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pain_assessment ADD COLUMN amended_by VARCHAR(256);
ALTER TABLE pain_assessment ADD COLUMN original_raw_value VARCHAR(32);
ALTER TABLE pain_assessment ADD COLUMN original_score INTEGER;
ALTER TABLE pain_assessment ADD COLUMN original_recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pain_assessment ADD CONSTRAINT ck_pain_assessment_retraction
    CHECK ((retracted_at IS NULL) = (retracted_by IS NULL));
ALTER TABLE pain_assessment ADD CONSTRAINT ck_pain_assessment_amendment
    CHECK ((amended_at IS NULL) = (amended_as IS NULL) AND (amended_at IS NULL) = (original_raw_value IS NULL));
