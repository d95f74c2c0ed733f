-- The minimal SQL one pain-score ingest needs (scripts/bench ceiling 1): read the snapshot (state, profile, regimen
-- and the 7-day window, pending advice) under the patient's lock, write the assessment and the decision, update the
-- live state, append the audit event (unsealed, as the service does since V8), commit.
\set i random(1, :patients)
\set u random(1, 9000000000000000000)
BEGIN;
SELECT s.ladder_step, s.omedd_mg, s.refractory, s.open_refractory_case_id, p.birth_year, p.bone_metastases,
       p.primary_site, p.contraindications, r.version, r.omedd_mg
  FROM patient_state s JOIN patient p ON p.id = s.patient_id
  LEFT JOIN LATERAL (SELECT version, omedd_mg FROM regimen WHERE patient_id = s.patient_id
                     ORDER BY version DESC LIMIT 1) r ON true
 WHERE s.patient_id = md5('p' || :i)::uuid FOR UPDATE OF s;
SELECT recorded_at, score, kind, site, mechanism, breakthrough_episodes_24h, adverse_effects
  FROM pain_assessment WHERE patient_id = md5('p' || :i)::uuid AND recorded_at > now() - interval '7 days';
SELECT id, type, status FROM recommendation WHERE patient_id = md5('p' || :i)::uuid AND status = 'PENDING';
INSERT INTO pain_assessment (id, patient_id, external_id, content_hash, recorded_at, received_at, scale, raw_value,
                             score, kind, site, mechanism, course, breakthrough_episodes_24h, adverse_effects, source,
                             evaluated_ladder_step, evaluated_pain_control)
VALUES (md5('n' || :u)::uuid, md5('p' || :i)::uuid, 'b-' || :u, md5('h' || :u), now(), now(), 'NRS', '6', 6,
        'BACKGROUND', 'ABDOMEN_UPPER', 'NOCICEPTIVE_VISCERAL', 'CHRONIC', 2, '', 'EHR', 3, 'UNCONTROLLED');
INSERT INTO recommendation (id, patient_id, created_at, type, rule_id, rules_version, rationale, evidence, proposal,
                            fingerprint, regimen_version, status, ladder_move, created_by_assessment_id, version)
VALUES (md5('m' || :u)::uuid, md5('p' || :i)::uuid, now(), 'ADJUST_RESCUE_DOSE', 'LAD-08', '2026.12.0',
        'Rescue dose 1/6 of the daily dose.', '{}', '{}', 'b-' || :u, 1, 'PENDING', false, md5('n' || :u)::uuid, 0);
UPDATE patient_state SET latest_score = 6, latest_assessed_at = now(), latest_background_score = 6,
       latest_background_at = now(), pain_control = 'UNCONTROLLED', updated_at = now()
 WHERE patient_id = md5('p' || :i)::uuid;
INSERT INTO audit_event (id, chain_id, at, actor, role, client, action, resource_type, resource_id, patient_id,
                         outcome, status, correlation_id)
VALUES (md5('v' || :u)::uuid, 'bench', now(), 'bench.ehr', 'ehr', '127.0.0.1', 'CREATE', 'PainAssessment',
        md5('n' || :u)::text, md5('p' || :i)::uuid, 'SUCCESS', 201, md5('k' || :u));
END;
