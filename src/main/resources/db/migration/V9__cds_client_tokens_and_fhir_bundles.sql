-- CDS Hooks 2.0 client tokens: each jti an EHR's CDS client signs may be used once. Kept in the database, not in
-- memory, so that every replica refuses a token another replica has already seen. Rows are kept until the token
-- expires (at most 5 minutes after it was issued) and swept after that.
CREATE TABLE cds_client_token_id (
    issuer     VARCHAR(500) NOT NULL,
    jti        VARCHAR(256) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cds_client_token_id PRIMARY KEY (issuer, jti)
);
CREATE INDEX ix_cds_client_token_id_expires ON cds_client_token_id (expires_at);

-- FHIR Bundles of MedicationRequests that replaced a regimen, by Bundle.identifier (system|value): a resent Bundle
-- gets its first answer again without recording anything; the same identifier with other content is a conflict.
CREATE TABLE fhir_bundle_receipt (
    bundle_identifier VARCHAR(700)    NOT NULL,
    patient_id        UUID            NOT NULL,
    content_sha256    VARCHAR(64)     NOT NULL,
    response_body     VARCHAR(300000) NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fhir_bundle_receipt PRIMARY KEY (bundle_identifier),
    CONSTRAINT fk_fhir_bundle_receipt_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
