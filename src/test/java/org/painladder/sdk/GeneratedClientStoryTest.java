package org.painladder.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.painladder.api.TestTokens;
import org.painladder.client.ApiClient;
import org.painladder.client.ApiException;
import org.painladder.client.api.LadderApi;
import org.painladder.client.api.PainAssessmentsApi;
import org.painladder.client.api.PatientsApi;
import org.painladder.client.api.RefractoryCasesApi;
import org.painladder.client.api.RegimensAndOpioidArithmeticApi;
import org.painladder.client.model.AcceptRecommendation;
import org.painladder.client.model.AssessmentKind;
import org.painladder.client.model.CaseStatus;
import org.painladder.client.model.DiagnosisBody;
import org.painladder.client.model.ItemBody;
import org.painladder.client.model.PainAssessmentRequest;
import org.painladder.client.model.PainAssessmentRequestValue;
import org.painladder.client.model.PainAssessmentResponse;
import org.painladder.client.model.PainMechanism;
import org.painladder.client.model.PainScale;
import org.painladder.client.model.PainSite;
import org.painladder.client.model.PatientRequest;
import org.painladder.client.model.PatientResponse;
import org.painladder.client.model.PrimarySite;
import org.painladder.client.model.Problem;
import org.painladder.client.model.RecommendationResponse;
import org.painladder.client.model.RecommendationStatus;
import org.painladder.client.model.RecommendationType;
import org.painladder.client.model.RefractoryCaseResponse;
import org.painladder.client.model.RegimenRequest;
import org.painladder.client.model.RegimenResponse;
import org.painladder.client.model.TransitionRequest;

/**
 * The README's story told through the Java client generated from openapi/openapi.yaml (./mvnw test -Psdk): an EHR
 * registers a patient and sends pain scores, a clinician accepts the ladder move and records the regimen that carries
 * it out, the palliative team works the refractory worklist; and the errors a client must handle arrive as ApiExceptions whose
 * problem+json body reads as the generated Problem type.
 */
@QuarkusTest
class GeneratedClientStoryTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void theReadmeStoryRunsThroughTheGeneratedClient() throws ApiException {
        PatientResponse patient = new PatientsApi(as("ehr")).registerPatient(pancreaticCancerPatient(), null);
        assertEquals(0, patient.getLadderStep());

        PainAssessmentsApi assessments = new PainAssessmentsApi(as("ehr"));
        assessments.recordPainAssessment(patient.getId(),
                background("sdk-1", hoursAgo(7), PainScale.VAS, new PainAssessmentRequestValue(new BigDecimal(75))),
                null);
        PainAssessmentResponse severe = assessments.recordPainAssessment(patient.getId(),
                background("sdk-2", hoursAgo(1), PainScale.NRS, new PainAssessmentRequestValue(new BigDecimal(8))),
                null);
        assertEquals(8, severe.getScore());

        LadderApi ladder = new LadderApi(as("clinician"));
        List<RecommendationResponse> pending = ladder.listRecommendations(patient.getId(), null, null, "PENDING")
                .getItems();
        RecommendationResponse escalation = pending.stream()
                .filter(advice -> advice.getType() == RecommendationType.ESCALATE_TO_STEP_3).findFirst()
                .orElseThrow(() -> new AssertionError("no pending ESCALATE_TO_STEP_3 in " + pending));
        assertEquals("LAD-04", escalation.getRuleId());

        RecommendationResponse accepted = ladder.acceptRecommendation(patient.getId(), escalation.getId(),
                new AcceptRecommendation().clinician("dr.lee").note("morphine started"), null, null);
        assertEquals(RecommendationStatus.ACCEPTED, accepted.getStatus());
        assertEquals(3, ladder.readLadder(patient.getId()).getStep());

        RegimenResponse morphine = new RegimensAndOpioidArithmeticApi(as("clinician")).replaceRegimen(patient.getId(),
                new RegimenRequest().changedBy("dr.lee").reason("LAD-04 accepted")
                        .addItemsItem(line("MORPHINE", 10, 6)).addItemsItem(line("PARACETAMOL", 1000, 4)), null);
        assertEquals(3, morphine.getLadderStep());
        assertEquals(0, new BigDecimal(60).compareTo(morphine.getOmeddMg()), "OMEDD " + morphine.getOmeddMg());

        RefractoryCaseResponse flagged = refractoryPatientOnTheWorklist();
        RefractoryCasesApi worklist = new RefractoryCasesApi(as("palliative"));
        List<RefractoryCaseResponse> open = worklist.listRefractoryCases(null, null, null, null, "200", "-omeddMg",
                "OPEN").getItems();
        assertTrue(open.stream().anyMatch(listed -> listed.getId().equals(flagged.getId())), open.toString());
        RefractoryCaseResponse underReview = worklist.moveRefractoryCase(flagged.getId(),
                new TransitionRequest().to(CaseStatus.UNDER_REVIEW).by("pc.nurse.kim").assignee("dr.ortiz"),
                "\"" + flagged.getVersion() + "\"", null);
        assertEquals(CaseStatus.UNDER_REVIEW, underReview.getStatus());
        assertEquals("dr.ortiz", underReview.getAssignee());
    }

    @Test
    void aDuplicateMrnIsAConflictTheClientCanRead() throws ApiException {
        PatientsApi patients = new PatientsApi(as("ehr"));
        PatientRequest registration = pancreaticCancerPatient();
        patients.registerPatient(registration, null);

        Problem conflict = problem(409, () -> patients.registerPatient(registration, null));
        assertEquals(URI.create("https://painladder.org/problems/conflict"), conflict.getType());
        assertNotNull(conflict.getDetail());
        assertNotNull(conflict.getCorrelationId());
    }

    @Test
    void aStaleVersionIsAFailedPreconditionTheClientCanRead() throws ApiException {
        RefractoryCaseResponse flagged = refractoryPatientOnTheWorklist();
        RefractoryCasesApi worklist = new RefractoryCasesApi(as("palliative"));
        worklist.moveRefractoryCase(flagged.getId(), new TransitionRequest().to(CaseStatus.UNDER_REVIEW),
                "\"" + flagged.getVersion() + "\"", null);

        Problem stale = problem(412, () -> worklist.moveRefractoryCase(flagged.getId(),
                new TransitionRequest().to(CaseStatus.REFERRED), "\"" + flagged.getVersion() + "\"", null));
        assertEquals(URI.create("https://painladder.org/problems/precondition-failed"), stale.getType());
        assertEquals(412, stale.getStatus());
    }

    @Test
    void aScoreOffTheScaleIsAValidationFailureNamingTheField() throws ApiException {
        PatientResponse patient = new PatientsApi(as("ehr")).registerPatient(pancreaticCancerPatient(), null);

        Problem invalid = problem(422, () -> new PainAssessmentsApi(as("ehr")).recordPainAssessment(patient.getId(),
                background("sdk-11", hoursAgo(1), PainScale.NRS, new PainAssessmentRequestValue(new BigDecimal(11))),
                null));
        assertEquals(URI.create("https://painladder.org/problems/validation-failed"), invalid.getType());
        assertTrue(invalid.getViolations().stream().anyMatch(violation -> "value".equals(violation.getField())),
                String.valueOf(invalid.getViolations()));
    }

    /** On step 3 for three weeks at OMEDD 240 mg/day with pain persisting over 72 h: REF-01 opens a case. */
    private RefractoryCaseResponse refractoryPatientOnTheWorklist() throws ApiException {
        PatientResponse patient = new PatientsApi(as("ehr")).registerPatient(pancreaticCancerPatient(), null);
        new RegimensAndOpioidArithmeticApi(as("clinician")).replaceRegimen(patient.getId(),
                new RegimenRequest().effectiveAt(hoursAgo(21 * 24)).changedBy("dr.lee").reason("titration")
                        .addItemsItem(line("OXYCODONE", 80, 2)), null);
        PainAssessmentsApi assessments = new PainAssessmentsApi(as("ehr"));
        PainAssessmentResponse latest = null;
        for (int hoursAgo : new int[] {60, 30, 2}) {
            latest = assessments.recordPainAssessment(patient.getId(), background("late-" + hoursAgo,
                    hoursAgo(hoursAgo), PainScale.NRS, new PainAssessmentRequestValue(new BigDecimal(7))), null);
        }
        assertNotNull(latest.getEvaluation().getRefractoryCaseId(), "REF-01 did not open a case");
        return new RefractoryCasesApi(as("palliative")).readRefractoryCase(latest.getEvaluation().getRefractoryCaseId());
    }

    /** A client for one role, with a development token for it. */
    private ApiClient as(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        // The README story's people: what the record names is who signed in, so they sign in under their own names.
        String user = switch (role) {
            case "clinician" -> "dr.lee";
            case "palliative" -> "pc.nurse.kim";
            default -> "test." + role;
        };
        String bearer = "Bearer " + TestTokens.forRole(role, user);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    /** The call fails with that status, and its body reads as the generated problem+json type. */
    private Problem problem(int status, Executable call) {
        ApiException refused = assertThrows(ApiException.class, call);
        assertEquals(status, refused.getCode(), refused.getResponseBody());
        try {
            Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
            assertEquals(status, problem.getStatus());
            return problem;
        } catch (IOException unreadable) {
            throw new AssertionError("not a problem+json body: " + refused.getResponseBody(), unreadable);
        }
    }

    private static PatientRequest pancreaticCancerPatient() {
        return new PatientRequest().mrn("SDK-" + UUID.randomUUID()).birthYear(1958).sex(PatientRequest.SexEnum.FEMALE)
                .diagnosis(new DiagnosisBody().icd10("C25.0").primarySite(PrimarySite.PANCREAS).metastatic(true)
                        .boneMetastases(false))
                .lifeExpectancyMonths(6);
    }

    private static PainAssessmentRequest background(String externalId, OffsetDateTime recordedAt, PainScale scale,
                                                    PainAssessmentRequestValue value) {
        return new PainAssessmentRequest().externalId(externalId).recordedAt(recordedAt).scale(scale).value(value)
                .kind(AssessmentKind.BACKGROUND).site(PainSite.ABDOMEN_UPPER)
                .mechanism(PainMechanism.NOCICEPTIVE_VISCERAL);
    }

    private static ItemBody line(String drug, int doseMg, int timesPerDay) {
        return new ItemBody().drug(drug).route("ORAL").dose(new BigDecimal(doseMg)).unit("mg")
                .timesPerDay(timesPerDay).prn(false);
    }

    private static OffsetDateTime hoursAgo(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours);
    }
}
