-- The worklist's orders as the indexes give them (issue 14). The service orders by the sort key with nulls last, then
-- by flaggedAt descending and id; V5's indexes hold the key ascending only, which PostgreSQL cannot read backwards as
-- "descending, nulls last", so at 100,000 patients the default worklist (OPEN, newest flagged first) sorted 10,000
-- rows per call (4.8 ms) and OPEN + PANCREAS by OMEDD 1,700 (2.2 ms). Each index below returns the first page in
-- order (0.1 ms). The sort keys are indexed in the direction the worklist uses them by default (most severe first; the
-- longest on step 3 first); the other direction still sorts the filtered rows.
DROP INDEX ix_refractory_case_status_flagged;
DROP INDEX ix_refractory_case_status_score;
DROP INDEX ix_refractory_case_status_omedd;
DROP INDEX ix_refractory_case_status_step3;
DROP INDEX ix_refractory_case_site;
DROP INDEX ix_refractory_case_primary_site;

CREATE INDEX ix_refractory_case_status_flagged ON refractory_case (status, flagged_at DESC NULLS LAST, id);
CREATE INDEX ix_refractory_case_status_score
    ON refractory_case (status, latest_score DESC NULLS LAST, flagged_at DESC, id);
CREATE INDEX ix_refractory_case_status_omedd
    ON refractory_case (status, omedd_mg DESC NULLS LAST, flagged_at DESC, id);
CREATE INDEX ix_refractory_case_status_step3
    ON refractory_case (status, step3_since ASC NULLS LAST, flagged_at DESC, id);

-- The primary site (how oncology teams split the list) with each order; the pain site with the default order.
CREATE INDEX ix_refractory_case_primary_site
    ON refractory_case (primary_site, status, flagged_at DESC NULLS LAST, id);
CREATE INDEX ix_refractory_case_primary_site_score
    ON refractory_case (primary_site, status, latest_score DESC NULLS LAST, flagged_at DESC, id);
CREATE INDEX ix_refractory_case_primary_site_omedd
    ON refractory_case (primary_site, status, omedd_mg DESC NULLS LAST, flagged_at DESC, id);
CREATE INDEX ix_refractory_case_primary_site_step3
    ON refractory_case (primary_site, status, step3_since ASC NULLS LAST, flagged_at DESC, id);
CREATE INDEX ix_refractory_case_site ON refractory_case (site, status, flagged_at DESC NULLS LAST, id);
