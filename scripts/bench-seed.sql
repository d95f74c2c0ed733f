-- Bulk seed of a realistic cohort for scripts/bench: patients number :first to :last, with :per_patient pain
-- assessments each (one every 12 hours, about 14 a week, newest 12 hours ago), one regimen whose step and OMEDD match
-- the live state's, a decided recommendation for everyone and a pending one for a third, and 15 % open refractory
-- cases on step 3.
-- Ids are md5-derived UUIDs, so the bench names patient i as CAST(md5('p' || i) AS uuid).
-- Portable: PostgreSQL runs it with psql -v first=M -v last=N -v per_patient=K after Flyway has made the schema; for H2
-- (scripts/bench --h2) the script substitutes the variables, maps generate_series to SYSTEM_RANGE, defines md5 and
-- runs it with H2's RunScript while the service is stopped. The bench vacuums and analyses after the full cohort only:
-- the statistics of tables without history would mislead the plans that the service's prepared statements keep.

\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO patient (id, mrn, birth_year, sex, icd10, primary_site, metastatic, bone_metastases,
                     life_expectancy_months, contraindications, pain_conditions, status, created_at, updated_at,
                     status_since, version)
SELECT CAST(md5('p' || i) AS uuid), 'BENCH-' || lpad(i::text, 9, '0'), 1940 + (i % 45),
       CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       (ARRAY['C25.0', 'C34.1', 'C50.9', 'C61', 'C18.7', 'C90.0'])[1 + i % 6],
       (ARRAY['PANCREAS', 'LUNG', 'BREAST', 'PROSTATE', 'COLORECTAL', 'MYELOMA'])[1 + i % 6],
       i % 3 <> 0, i % 4 = 0, 1 + i % 24, '', '', 'ACTIVE',
       now() - interval '90' day, now() - interval '1' day, now() - interval '90' day, 0
FROM generate_series(:first, :last) AS g_i(i);

-- Step by share of a palliative cohort: 20 % step 1, 25 % step 2, 55 % step 3; the refractory 15 % sit on step 3.
INSERT INTO patient_state (patient_id, ladder_step, ladder_since, latest_score, latest_assessed_at,
                           latest_btp_episodes_24h, latest_background_score, latest_background_at, pain_control,
                           omedd_mg, refractory, open_refractory_case_id, patient_status, updated_at,
                           assessment_count)
SELECT CAST(md5('p' || i) AS uuid),
       CASE WHEN i % 20 < 4 THEN 1 WHEN i % 20 < 9 THEN 2 ELSE 3 END,
       now() - interval '40' day, 2 + i % 7, now() - interval '2' hour, i % 4, 2 + i % 7,
       now() - interval '2' hour,
       CASE WHEN 2 + i % 7 >= 4 THEN 'UNCONTROLLED' ELSE 'CONTROLLED' END,
       CASE WHEN i % 20 < 4 THEN 0 WHEN i % 20 < 9 THEN 30 ELSE 60 + (i % 20) * 15 END,
       i % 20 >= 17, CASE WHEN i % 20 >= 17 THEN CAST(md5('c' || i) AS uuid) END, 'ACTIVE', now(), :per_patient
FROM generate_series(:first, :last) AS g_i(i);

INSERT INTO pain_assessment (id, patient_id, external_id, content_hash, recorded_at, received_at, scale, raw_value,
                             score, kind, site, mechanism, course, acute_cause, breakthrough_episodes_24h,
                             adverse_effects, source, evaluated_ladder_step, evaluated_pain_control)
SELECT CAST(md5('a' || i || '-' || k) AS uuid), CAST(md5('p' || i) AS uuid), 'seed-' || k, md5('h' || i || '-' || k),
       now() - (k * interval '12' hour) - (i % 600) * interval '1' minute,
       now() - (k * interval '12' hour) - (i % 600) * interval '1' minute,
       'NRS', ((i + k) % 11)::text, (i + k) % 11,
       CASE WHEN k % 5 = 0 THEN 'BREAKTHROUGH' ELSE 'BACKGROUND' END,
       (ARRAY['ABDOMEN_UPPER', 'BACK_LOW', 'CHEST', 'PELVIS'])[1 + i % 4],
       (ARRAY['NOCICEPTIVE_VISCERAL', 'NOCICEPTIVE_SOMATIC', 'NEUROPATHIC', 'MIXED'])[1 + i % 4],
       'CHRONIC', NULL, k % 4, '', 'EHR', 2, 'UNCONTROLLED'
FROM generate_series(:first, :last) AS g_i(i), generate_series(1, :per_patient) AS g_k(k);

INSERT INTO regimen (id, patient_id, version, effective_at, recorded_at, changed_by, reason, ladder_step, omedd_mg,
                     prn_omedd_mg, factors_used, contributions_json, warnings_json)
SELECT CAST(md5('r' || i) AS uuid), CAST(md5('p' || i) AS uuid), 1, now() - interval '40' day, now() - interval '40' day,
       'dr.bench', 'seed', CASE WHEN i % 20 < 4 THEN 1 WHEN i % 20 < 9 THEN 2 ELSE 3 END,
       CASE WHEN i % 20 < 4 THEN 0 WHEN i % 20 < 9 THEN 30 ELSE 60 + (i % 20) * 15 END, 30, 'CDC_2022', '[]', '[]'
FROM generate_series(:first, :last) AS g_i(i);

INSERT INTO regimen_item (id, regimen_id, item_index, drug, route, dose, unit, times_per_day, prn)
SELECT CAST(md5('ri' || i || '-' || n) AS uuid), CAST(md5('r' || i) AS uuid), n,
       (ARRAY['MORPHINE', 'MORPHINE', 'PARACETAMOL', 'SENNA'])[n + 1],
       'ORAL', (ARRAY[30, 5, 1000, 15])[n + 1], 'mg', (ARRAY[2, 6, 4, 1])[n + 1], n = 1
FROM generate_series(:first, :last) AS g_i(i), generate_series(0, 3) AS g_n(n);

-- Each seeded patient has the one regimen above, so it is the current one the live state names; patients seeded or
-- charted before keep theirs.
UPDATE patient_state SET current_regimen_id = (SELECT r.id FROM regimen r WHERE r.patient_id = patient_state.patient_id)
WHERE current_regimen_id IS NULL;

INSERT INTO recommendation (id, patient_id, created_at, type, rule_id, rules_version, rationale, evidence, proposal,
                            fingerprint, regimen_version, status, ladder_move, pending_ladder_slot,
                            created_by_assessment_id, decided_by, decided_at, version)
SELECT CAST(md5('d' || i) AS uuid), CAST(md5('p' || i) AS uuid), now() - interval '30' day, 'TITRATE_DOSE', 'LAD-06', '2026.12.0',
       'Titrate the scheduled opioid.', '{}', '{}', 'seed-' || i, 1, 'ACCEPTED', true, NULL, NULL, 'dr.bench',
       now() - interval '29' day, 1
FROM generate_series(:first, :last) AS g_i(i);

INSERT INTO recommendation (id, patient_id, created_at, type, rule_id, rules_version, rationale, evidence, proposal,
                            fingerprint, regimen_version, status, ladder_move, pending_ladder_slot,
                            created_by_assessment_id, version)
SELECT CAST(md5('e' || i) AS uuid), CAST(md5('p' || i) AS uuid), now() - interval '1' day, 'ADD_ADJUVANT', 'ADJ-01', '2026.12.0',
       'Add an adjuvant for the neuropathic component.', '{}', '{}', 'seed-adj-' || i, 1, 'PENDING', false, NULL,
       NULL, 0
FROM generate_series(:first, :last) AS g_i(i)
WHERE i % 3 = 0;

INSERT INTO refractory_case (id, patient_id, open_slot, status, outcome, flagged_at, mrn, site, primary_site,
                             latest_score, omedd_mg, step3_since, assignee, controlled_since, criteria,
                             candidate_interventions, updated_at, version)
SELECT CAST(md5('c' || i) AS uuid), CAST(md5('p' || i) AS uuid), CAST(md5('p' || i) AS uuid),
       (ARRAY['OPEN', 'OPEN', 'UNDER_REVIEW'])[1 + i % 3], NULL, now() - (i % 30) * interval '1' day,
       'BENCH-' || lpad(i::text, 9, '0'), (ARRAY['ABDOMEN_UPPER', 'BACK_LOW', 'CHEST', 'PELVIS'])[1 + i % 4],
       (ARRAY['PANCREAS', 'LUNG', 'BREAST', 'PROSTATE', 'COLORECTAL', 'MYELOMA'])[1 + i % 6],
       4 + i % 7, 200 + i % 300, now() - interval '40' day, NULL, NULL, '[]', '[]', now(), 0
FROM generate_series(:first, :last) AS g_i(i)
WHERE i % 20 >= 17;

INSERT INTO refractory_case_option (case_id, intervention)
SELECT CAST(md5('c' || i) AS uuid), (ARRAY['CELIAC_PLEXUS_NEUROLYSIS', 'INTRATHECAL_PUMP', 'PALLIATIVE_RADIOTHERAPY'])[1 + i % 3]
FROM generate_series(:first, :last) AS g_i(i)
WHERE i % 20 >= 17;
