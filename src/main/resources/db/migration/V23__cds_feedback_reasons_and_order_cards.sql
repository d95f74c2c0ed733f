-- CDS Hooks feedback keeps the override reason as the EHR sent it: the Coding the clinician picked (system, code,
-- display) and their comment, beside the decision note that says it in words.
ALTER TABLE recommendation ADD COLUMN override_reason_system  VARCHAR(500);
ALTER TABLE recommendation ADD COLUMN override_reason_code    VARCHAR(128);
ALTER TABLE recommendation ADD COLUMN override_reason_display VARCHAR(500);
ALTER TABLE recommendation ADD COLUMN override_user_comment   VARCHAR(2000);

-- The cards the order services issued (order-select, order-sign): their uuids are made up per call, so feedback on
-- one can only be told from a card this service never issued by remembering it. The first feedback is kept on the
-- row; a later one for the same card is ignored.
CREATE TABLE cds_order_card (
    uuid                    UUID          NOT NULL,
    service_id              VARCHAR(64)   NOT NULL,
    patient_id              UUID          NOT NULL,
    topic                   VARCHAR(64)   NOT NULL,
    issued_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome                 VARCHAR(16),
    outcome_at              TIMESTAMP WITH TIME ZONE,
    decided_by              VARCHAR(128),
    override_reason_system  VARCHAR(500),
    override_reason_code    VARCHAR(128),
    override_reason_display VARCHAR(500),
    override_user_comment   VARCHAR(2000),
    CONSTRAINT pk_cds_order_card PRIMARY KEY (uuid),
    CONSTRAINT fk_cds_order_card_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_cds_order_card_outcome CHECK (outcome IS NULL OR outcome IN ('accepted', 'overridden'))
);
CREATE INDEX ix_cds_order_card_patient ON cds_order_card (patient_id, issued_at);
