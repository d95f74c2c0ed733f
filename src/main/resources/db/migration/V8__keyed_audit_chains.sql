-- The audit trail becomes keyed and lock-free for requests (issue 11 point 4).
-- A request inserts its event unsealed (seq, key_id, prev_hash, hash NULL) in its own transaction and locks nothing
-- shared; a background sealer per chain gives pending events their place (chain_id, seq) and an HMAC under a key
-- held outside the database. Several chains (one per replica) append without waiting on each other.
ALTER TABLE audit_event ADD COLUMN chain_id VARCHAR(64) DEFAULT 'main' NOT NULL;
ALTER TABLE audit_event ALTER COLUMN chain_id DROP DEFAULT;
ALTER TABLE audit_event ADD COLUMN key_id VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN request_count INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_event DROP CONSTRAINT uq_audit_event_seq;
ALTER TABLE audit_event ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL;
-- Events of the unkeyed SHA-256 chain are sealed again, in time order, into the keyed chain 'main' on first start.
UPDATE audit_event SET seq = NULL, prev_hash = NULL, hash = NULL;
-- Also finds a chain's pending events (seq IS NULL) for the sealer.
ALTER TABLE audit_event ADD CONSTRAINT uq_audit_event_chain_seq UNIQUE (chain_id, seq);

-- GET /api/v1/audit-events lists newest first across chains.
DROP INDEX ix_audit_event_patient;
DROP INDEX ix_audit_event_actor;
CREATE INDEX ix_audit_event_patient ON audit_event (patient_id, at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, at);

-- One head row per chain, locked only by that chain's sealer, never by a request.
DROP TABLE audit_chain_head;
CREATE TABLE audit_chain (
    chain_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
