-- A replay is the first answer exactly: a FHIR resource keeps application/fhir+json, a decision its ETag.
ALTER TABLE idempotency_key ADD COLUMN response_content_type VARCHAR(255);
ALTER TABLE idempotency_key ADD COLUMN response_entity_tag VARCHAR(256);
