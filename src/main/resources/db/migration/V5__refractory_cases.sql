-- Refractory-pain cases: the palliative team's worklist (api.md "Refractory cases"). Portable SQL for H2 and PostgreSQL.

CREATE TABLE refractory_case (
    id                      UUID         NOT NULL PRIMARY KEY,
    patient_id              UUID         NOT NULL,
    -- The patient's id while the case is not CLOSED, NULL once it is: UNIQUE(open_slot) lets a patient hold at most
    -- one open case (NULLs never collide), enforced by the database rather than by a read-then-write check.
    open_slot               UUID,
    status                  VARCHAR(16)  NOT NULL,
    outcome                 VARCHAR(32),
    flagged_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Worklist columns, copied onto the case so that filters and sorts are served by its own indexes.
    mrn                     VARCHAR(64)  NOT NULL,
    site                    VARCHAR(32),
    primary_site            VARCHAR(32),
    latest_score            INTEGER,
    omedd_mg                NUMERIC(12, 2),
    step3_since             TIMESTAMP WITH TIME ZONE,
    assignee                VARCHAR(128),
    -- Since when pain has been CONTROLLED without interruption (REF-02 suggests closing after 7 days).
    controlled_since        TIMESTAMP WITH TIME ZONE,
    -- The REF-01 criteria and the advisor's candidates as JSON arrays, shown as they were when the case was flagged.
    criteria                VARCHAR(8000)  NOT NULL,
    candidate_interventions VARCHAR(30000) NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT fk_refractory_case_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT uq_refractory_case_open_slot UNIQUE (open_slot),
    CONSTRAINT ck_refractory_case_open_slot CHECK ((status = 'CLOSED' AND open_slot IS NULL AND outcome IS NOT NULL)
        OR (status <> 'CLOSED' AND open_slot = patient_id AND outcome IS NULL))
);
CREATE INDEX ix_refractory_case_patient ON refractory_case (patient_id, flagged_at);
CREATE INDEX ix_refractory_case_status_flagged ON refractory_case (status, flagged_at);
CREATE INDEX ix_refractory_case_status_score ON refractory_case (status, latest_score);
CREATE INDEX ix_refractory_case_status_omedd ON refractory_case (status, omedd_mg);
CREATE INDEX ix_refractory_case_status_step3 ON refractory_case (status, step3_since);
CREATE INDEX ix_refractory_case_site ON refractory_case (site, status, flagged_at);
CREATE INDEX ix_refractory_case_primary_site ON refractory_case (primary_site, status, flagged_at);

-- The options each case offers that are not absolutely contraindicated, for the worklist's intervention filter.
CREATE TABLE refractory_case_option (
    case_id                 UUID         NOT NULL,
    intervention            VARCHAR(48)  NOT NULL,
    CONSTRAINT pk_refractory_case_option PRIMARY KEY (case_id, intervention),
    CONSTRAINT fk_refractory_case_option_case FOREIGN KEY (case_id) REFERENCES refractory_case (id)
);
CREATE INDEX ix_refractory_case_option_intervention ON refractory_case_option (intervention, case_id);

-- Every status change of a case: who, when, why (the case detail's history).
CREATE TABLE refractory_case_transition (
    id                      UUID         NOT NULL PRIMARY KEY,
    case_id                 UUID         NOT NULL,
    changed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    from_status             VARCHAR(16),
    to_status               VARCHAR(16)  NOT NULL,
    changed_by              VARCHAR(128) NOT NULL,
    assignee                VARCHAR(128),
    note                    VARCHAR(2000),
    outcome                 VARCHAR(32),
    CONSTRAINT fk_refractory_case_transition_case FOREIGN KEY (case_id) REFERENCES refractory_case (id)
);
CREATE INDEX ix_refractory_case_transition_case ON refractory_case_transition (case_id, changed_at);
