-- The PHI access log: one row per read, write, decision or denied attempt, append-only and hash-chained.
-- seq orders the chain; each row's hash covers its content and the hash of the row before it (prev_hash).
CREATE TABLE audit_event (
    id             UUID         NOT NULL PRIMARY KEY,
    seq            BIGINT       NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(256) NOT NULL,
    role           VARCHAR(128),
    client         VARCHAR(256),
    action         VARCHAR(16)  NOT NULL,
    resource_type  VARCHAR(64)  NOT NULL,
    resource_id    VARCHAR(128),
    patient_id     UUID,
    outcome        VARCHAR(16)  NOT NULL,
    status         INTEGER      NOT NULL,
    correlation_id VARCHAR(64),
    prev_hash      VARCHAR(64)  NOT NULL,
    hash           VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_audit_event_seq UNIQUE (seq)
);
CREATE INDEX ix_audit_event_patient ON audit_event (patient_id, seq);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, seq);
CREATE INDEX ix_audit_event_at ON audit_event (at);

-- The one row every append locks, briefly and last in its transaction: it serialises appends so that the chain
-- has no forks, and it remembers the end of the chain so that removing the newest events is detected too.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
