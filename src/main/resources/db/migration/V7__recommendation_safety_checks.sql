-- Rules 2026.12.0 (clinical-rules §8.1; api.md "Additions of 2026-12"): every recommendation keeps the safety checks
-- run on it (organ function, toxicity, opioid tolerance …), what each found and what it changed, as JSON text.
-- Recommendations given before this version ran no such checks: an empty list says so. Portable SQL (H2, PostgreSQL).

ALTER TABLE recommendation ADD COLUMN safety_checks VARCHAR(20000) DEFAULT '[]' NOT NULL;
