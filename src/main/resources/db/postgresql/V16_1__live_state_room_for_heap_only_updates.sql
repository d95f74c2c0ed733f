-- PostgreSQL only (quarkus.flyway.locations of the prod and pg profiles). Every ingest updates its patient's live
-- state; with room left on the row's page the new version stays there as a heap-only (HOT) update and writes no index
-- entry. Pages filled before this keep their rows until an update moves them to a page with room.
ALTER TABLE patient_state SET (fillfactor = 70);
