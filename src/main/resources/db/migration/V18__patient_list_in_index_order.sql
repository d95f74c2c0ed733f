-- GET /api/v1/patients without an MRN lists every patient, newest first (created_at descending, then id). Without an
-- index in that order, every page read and sorted all patients: at 100,000 that is the whole table per page, and an
-- integration engine paging through the register pays it on every page. Read in this index's order, a page stops at
-- its end.
CREATE INDEX ix_patient_created ON patient (created_at DESC, id);
