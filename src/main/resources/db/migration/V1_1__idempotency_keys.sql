-- Idempotency-Key on any POST (api.md Conventions): the first answer to a key is kept and replayed to retries.
CREATE TABLE idempotency_key (
    principal           VARCHAR(256) NOT NULL,
    idempotency_key     VARCHAR(128) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    -- NULL while the first request is still being processed.
    response_status     INTEGER,
    response_body       VARCHAR(300000),
    response_location   VARCHAR(1024),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
