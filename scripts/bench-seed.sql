-- Bulk seed of a realistic cohort for scripts/bench (PostgreSQL): :patients patients with :per_patient pain
-- assessments each (about 14 a week, newest now), one regimen, a decided recommendation and a pending one, and about
-- 15 % open refractory cases. Ids are md5-derived UUIDs, so the bench can name patient i as md5('p' || i)::uuid.
-- Run by scripts/bench with psql -v patients=N -v per_patient=K after Flyway has made the schema.

\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO patient (id, mrn, birth_year, sex, icd10, primary_site, metastatic, bone_metastases,
                     life_expectancy_months, contraindications, pain_conditions, status, created_at, updated_at,
                     version)
SELECT md5('p' || i)::uuid, 'BENCH-' || lpad(i::text, 9, '0'), 1940 + (i % 45),
       CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       (ARRAY['C25.0', 'C34.1', 'C50.9', 'C61', 'C18.7', 'C90.0'])[1 + i % 6],
       (ARRAY['PANCREAS', 'LUNG', 'BREAST', 'PROSTATE', 'COLORECTAL', 'MYELOMA'])[1 + i % 6],
       i % 3 <> 0, i % 4 = 0, 1 + i % 24, '', '', 'ACTIVE',
       now() - interval '90 days', now() - interval '1 day', 0
FROM generate_series(1, :patients) AS i;

-- Step by share of a palliative cohort: 20 % step 1, 25 % step 2, 55 % step 3; the refractory 15 % sit on step 3.
INSERT INTO patient_state (patient_id, ladder_step, ladder_since, latest_score, latest_assessed_at,
                           latest_btp_episodes_24h, latest_background_score, latest_background_at, pain_control,
                           omedd_mg, refractory, open_refractory_case_id, patient_status, updated_at)
SELECT md5('p' || i)::uuid,
       CASE WHEN i % 20 < 4 THEN 1 WHEN i % 20 < 9 THEN 2 ELSE 3 END,
       now() - interval '40 days', 2 + i % 7, now() - interval '2 hours', i % 4, 2 + i % 7,
       now() - interval '2 hours',
       CASE WHEN 2 + i % 7 >= 4 THEN 'UNCONTROLLED' ELSE 'CONTROLLED' END,
       CASE WHEN i % 20 < 4 THEN 0 WHEN i % 20 < 9 THEN 30 ELSE 60 + (i % 20) * 15 END,
       i % 20 >= 17, CASE WHEN i % 20 >= 17 THEN md5('c' || i)::uuid END, 'ACTIVE', now()
FROM generate_series(1, :patients) AS i;

INSERT INTO pain_assessment (id, patient_id, external_id, content_hash, recorded_at, received_at, scale, raw_value,
                             score, kind, site, mechanism, course, acute_cause, breakthrough_episodes_24h,
                             adverse_effects, source, evaluated_ladder_step, evaluated_pain_control)
SELECT md5('a' || i || '-' || k)::uuid, md5('p' || i)::uuid, 'seed-' || k, md5('h' || i || '-' || k),
       now() - (k * interval '12 hours') - (i % 600) * interval '1 minute',
       now() - (k * interval '12 hours') - (i % 600) * interval '1 minute',
       'NRS', ((i + k) % 11)::text, (i + k) % 11,
       CASE WHEN k % 5 = 0 THEN 'BREAKTHROUGH' ELSE 'BACKGROUND' END,
       (ARRAY['ABDOMEN_UPPER', 'BACK_LOW', 'CHEST', 'PELVIS'])[1 + i % 4],
       (ARRAY['NOCICEPTIVE_VISCERAL', 'NOCICEPTIVE_SOMATIC', 'NEUROPATHIC', 'MIXED'])[1 + i % 4],
       'CHRONIC', NULL, k % 4, '', 'EHR', 2, 'UNCONTROLLED'
FROM generate_series(1, :patients) AS i, generate_series(1, :per_patient) AS k;

INSERT INTO regimen (id, patient_id, version, effective_at, recorded_at, changed_by, reason, ladder_step, omedd_mg,
                     prn_omedd_mg, factors_used, contributions_json, warnings_json)
SELECT md5('r' || i)::uuid, md5('p' || i)::uuid, 1, now() - interval '40 days', now() - interval '40 days',
       'dr.bench', 'seed', 3, 60, 30, 'CDC_2022', '[]', '[]'
FROM generate_series(1, :patients) AS i;

INSERT INTO regimen_item (id, regimen_id, item_index, drug, route, dose, unit, times_per_day, prn)
SELECT md5('ri' || i || '-' || n)::uuid, md5('r' || i)::uuid, n,
       (ARRAY['MORPHINE', 'MORPHINE', 'PARACETAMOL', 'SENNA'])[n + 1],
       'ORAL', (ARRAY[30, 5, 1000, 15])[n + 1], 'mg', (ARRAY[2, 6, 4, 1])[n + 1], n = 1
FROM generate_series(1, :patients) AS i, generate_series(0, 3) AS n;

INSERT INTO recommendation (id, patient_id, created_at, type, rule_id, rules_version, rationale, evidence, proposal,
                            fingerprint, regimen_version, status, ladder_move, pending_ladder_slot,
                            created_by_assessment_id, decided_by, decided_at, version)
SELECT md5('d' || i)::uuid, md5('p' || i)::uuid, now() - interval '30 days', 'TITRATE_DOSE', 'LAD-06', '2026.12.0',
       'Titrate the scheduled opioid.', '{}', '{}', 'seed-' || i, 1, 'ACCEPTED', true, NULL, NULL, 'dr.bench',
       now() - interval '29 days', 1
FROM generate_series(1, :patients) AS i;

INSERT INTO recommendation (id, patient_id, created_at, type, rule_id, rules_version, rationale, evidence, proposal,
                            fingerprint, regimen_version, status, ladder_move, pending_ladder_slot,
                            created_by_assessment_id, version)
SELECT md5('e' || i)::uuid, md5('p' || i)::uuid, now() - interval '1 day', 'ADD_ADJUVANT', 'ADJ-01', '2026.12.0',
       'Add an adjuvant for the neuropathic component.', '{}', '{}', 'seed-adj-' || i, 1, 'PENDING', false, NULL,
       NULL, 0
FROM generate_series(1, :patients) AS i
WHERE i % 3 = 0;

INSERT INTO refractory_case (id, patient_id, open_slot, status, outcome, flagged_at, mrn, site, primary_site,
                             latest_score, omedd_mg, step3_since, assignee, controlled_since, criteria,
                             candidate_interventions, updated_at, version)
SELECT md5('c' || i)::uuid, md5('p' || i)::uuid, md5('p' || i)::uuid,
       (ARRAY['OPEN', 'OPEN', 'UNDER_REVIEW'])[1 + i % 3], NULL, now() - (i % 30) * interval '1 day',
       'BENCH-' || lpad(i::text, 9, '0'), (ARRAY['ABDOMEN_UPPER', 'BACK_LOW', 'CHEST', 'PELVIS'])[1 + i % 4],
       (ARRAY['PANCREAS', 'LUNG', 'BREAST', 'PROSTATE', 'COLORECTAL', 'MYELOMA'])[1 + i % 6],
       4 + i % 7, 200 + i % 300, now() - interval '40 days', NULL, NULL, '[]', '[]', now(), 0
FROM generate_series(1, :patients) AS i
WHERE i % 20 >= 17;

INSERT INTO refractory_case_option (case_id, intervention)
SELECT md5('c' || i)::uuid, (ARRAY['CELIAC_PLEXUS_NEUROLYSIS', 'INTRATHECAL_PUMP', 'PALLIATIVE_RADIOTHERAPY'])[1 + i % 3]
FROM generate_series(1, :patients) AS i
WHERE i % 20 >= 17;

ANALYZE;
