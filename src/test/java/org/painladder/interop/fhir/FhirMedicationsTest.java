package org.painladder.interop.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URL;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/**
 * The FHIR endpoint driven by HAPI's generic client, as an EHR's integration engine would, and every resource it
 * answers checked by the HL7 validator against the R4 structure definitions (zero errors).
 */
@QuarkusTest
class FhirMedicationsTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    @TestHTTPResource("/fhir/r4")
    URL fhirBase;

    IGenericClient client;

    @BeforeEach
    void connect() {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient(fhirBase.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(TestTokens.forRole("ehr")));
    }

    @Test
    void observationsAreCreatedReadAndSearchedWithTheGenericClient() {
        String patientId = registeredPatient();
        Observation pain = new Observation();
        pain.addIdentifier().setSystem("urn:ehr:obs").setValue("obs-" + UUID.randomUUID());
        pain.setStatus(Observation.ObservationStatus.FINAL);
        pain.setCode(new CodeableConcept(new Coding("http://loinc.org", "72514-3", "Pain severity")));
        pain.setSubject(new Reference("Patient/" + patientId));
        pain.setEffective(new DateTimeType(new Date(System.currentTimeMillis() - 60_000)));
        pain.setValue(new IntegerType(6));

        MethodOutcome created = client.create().resource(pain).execute();
        assertTrue(created.getCreated());
        String id = created.getId().getIdPart();
        Observation read = client.read().resource(Observation.class).withId(id).execute();
        assertEquals(0, new BigDecimal("6").compareTo(read.getValueQuantity().getValue()));
        Bundle found = client.search().forResource(Observation.class)
                .where(Observation.SUBJECT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute();
        assertEquals(1, found.getTotal());
        assertValid(read);
        assertValid(found);
        assertValid(created.getResource());
    }

    @Test
    void aBundleOfActiveMedicationRequestsReplacesTheRegimenAsPutRegimenWould() {
        String patientId = registeredPatient();
        Bundle bundle = regimenBundle(patientId, "urn:ehr:medlist", "medlist-" + UUID.randomUUID());
        MethodOutcome outcome = client.create().resource(bundle).execute();
        Bundle response = assertInstanceOf(Bundle.class, outcome.getResource());
        assertValid(response);
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, response.getType());
        assertEquals(List.of("201 Created", "201 Created", "201 Created", "422 Unprocessable Entity"), response.getEntry().stream()
                .map(entry -> entry.getResponse().getStatus()).toList());
        OperationOutcome unmappable = (OperationOutcome) response.getEntry().get(3).getResponse().getOutcome();
        assertEquals("MedicationRequest.dosageInstruction[0].route",
                unmappable.getIssueFirstRep().getExpression().get(0).getValue());
        assertTrue(((OperationOutcome) response.getEntry().get(0).getResponse().getOutcome()).getIssueFirstRep()
                .getDiagnostics().contains("OMEDD 60 mg/d scheduled"));

        JsonPath recorded = as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .extract().jsonPath();
        String otherPatient = registeredPatient();
        JsonPath viaPut = as("ehr").body("""
                { "items": [ { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 2 },
                             { "drug": "OXYCODONE", "route": "ORAL", "dose": 5, "unit": "mg", "timesPerDay": 6,
                               "prn": true },
                             { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4 } ] }
                """).put("/api/v1/patients/" + otherPatient + "/regimen").then().statusCode(200).extract().jsonPath();
        for (String field : List.of("items", "ladderStep", "omeddMg", "prnOmeddMg", "warnings", "contributions",
                "factorsUsed")) {
            assertEquals(viaPut.getString(field), recorded.getString(field), field);
        }
        as("ehr").get("/api/v1/patients/" + patientId).then().body("omeddMg", org.hamcrest.Matchers.equalTo(60.0f));
    }

    @Test
    void theSameBundleSentAgainIsAnsweredAlikeAndRecordsNothingWhileOtherContentIsAConflict() {
        String patientId = registeredPatient();
        String identifier = "medlist-" + UUID.randomUUID();
        String first = FHIR.newJsonParser().encodeResourceToString(client.create()
                .resource(regimenBundle(patientId, "urn:ehr:medlist", identifier)).execute().getResource());
        String again = FHIR.newJsonParser().encodeResourceToString(client.create()
                .resource(regimenBundle(patientId, "urn:ehr:medlist", identifier)).execute().getResource());
        assertEquals(first, again);
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total",
                org.hamcrest.Matchers.equalTo(1));

        Bundle changed = regimenBundle(patientId, "urn:ehr:medlist", identifier);
        ((MedicationRequest) changed.getEntry().get(0).getResource()).getDosageInstructionFirstRep()
                .getDoseAndRateFirstRep().getDoseQuantity().setValue(30);
        ResourceVersionConflictException conflict = assertThrows(ResourceVersionConflictException.class,
                () -> client.create().resource(changed).execute());
        assertValid(conflict.getOperationOutcome());
    }

    @Test
    void aBundleWithAStaleIfMatchIs412AndRecordsNothingAsPutRegimenWould() {
        String patientId = registeredPatient();
        as("ehr").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ] }
                """).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);

        PreconditionFailedException stale = assertThrows(PreconditionFailedException.class, () -> client.create()
                .resource(regimenBundle(patientId, null, null)).withAdditionalHeader("If-Match", "\"0\"").execute());
        assertValid(stale.getOperationOutcome());
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().header("ETag", "\"1\"")
                .body("items[0].drug", org.hamcrest.Matchers.equalTo("MORPHINE"));

        String identifier = "medlist-" + UUID.randomUUID();
        String first = FHIR.newJsonParser().encodeResourceToString(client.create()
                .resource(regimenBundle(patientId, "urn:ehr:medlist", identifier))
                .withAdditionalHeader("If-Match", "\"1\"").execute().getResource());
        // A retry of the Bundle that was recorded gets its answer again, although its If-Match is no longer current.
        String again = FHIR.newJsonParser().encodeResourceToString(client.create()
                .resource(regimenBundle(patientId, "urn:ehr:medlist", identifier))
                .withAdditionalHeader("If-Match", "\"1\"").execute().getResource());
        assertEquals(first, again);
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total",
                org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aBundleUnderAWeakIfMatchIs412AndUnderAListNamingTheCurrentVersionIsRecorded() {
        String patientId = registeredPatient();

        PreconditionFailedException weak = assertThrows(PreconditionFailedException.class, () -> client.create()
                .resource(regimenBundle(patientId, null, null)).withAdditionalHeader("If-Match", "W/\"0\"").execute());
        assertValid(weak.getOperationOutcome());
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);

        client.create().resource(regimenBundle(patientId, null, null))
                .withAdditionalHeader("If-Match", "\"4\", \"0\"").execute();
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aBundleWhereNoEntryMapsIsRefusedWith422AndRecordsNothing() {
        String patientId = registeredPatient();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(order(patientId, "999999", "26643006", 5, "mg", 6, false));
        bundle.addEntry().setResource(order(patientId, "7804", null, 5, "mg", 6, false));
        UnprocessableEntityException refused = assertThrows(UnprocessableEntityException.class,
                () -> client.create().resource(bundle).execute());
        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        assertValid(outcome);
        assertEquals(List.of("Bundle.entry[0].MedicationRequest.medication[x]",
                        "Bundle.entry[1].MedicationRequest.dosageInstruction[0].route"),
                outcome.getIssue().stream().map(issue -> issue.getExpression().get(0).getValue()).toList());
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);
    }

    @Test
    void theCurrentRegimenIsSearchableAsMedicationRequests() {
        String patientId = registeredPatient();
        client.create().resource(regimenBundle(patientId, null, null)).execute();
        Bundle found = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.SUBJECT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute();
        assertValid(found);
        assertEquals(3, found.getTotal());
        List<String> rxnorm = found.getEntry().stream().map(entry -> ((MedicationRequest) entry.getResource())
                .getMedicationCodeableConcept().getCoding().stream()
                .filter(coding -> RxNormIngredients.SYSTEM.equals(coding.getSystem())).findFirst().orElseThrow()
                .getCode()).toList();
        assertEquals(List.of("7804", "7804", "161"), rxnorm);
        MedicationRequest rescue = (MedicationRequest) found.getEntry().get(1).getResource();
        assertTrue(rescue.getDosageInstructionFirstRep().getAsNeededBooleanType().booleanValue());
        Bundle none = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.SUBJECT.hasId("Patient/" + registeredPatient())).returnBundle(Bundle.class)
                .execute();
        assertEquals(0, none.getTotal());
        assertValid(none);
    }

    /** A fentanyl patch goes in and comes out as its delivery rate, the way an EHR orders one. */
    @Test
    void aPatchOrderedByItsRateIsRecordedAsThatRateAndSearchedBackAsRateQuantity() {
        String patientId = registeredPatient();
        MedicationRequest patch = order(patientId, "4337", "45890007", 1, "{patch}", 72, false);
        patch.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setRate(new org.hl7.fhir.r4.model.Quantity()
                .setValue(25).setSystem(MedicationRequests.UCUM).setCode("ug/h").setUnit("mcg/h"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(patch).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");
        Bundle response = (Bundle) client.create().resource(bundle).execute().getResource();
        assertEquals("201 Created", response.getEntryFirstRep().getResponse().getStatus());
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("items[0].drug", org.hamcrest.Matchers.equalTo("FENTANYL"))
                .body("items[0].dose", org.hamcrest.Matchers.equalTo(25))
                .body("items[0].unit", org.hamcrest.Matchers.equalTo("mcg/h"));

        Bundle found = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.SUBJECT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute();
        assertValid(found);
        org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent exported = ((MedicationRequest) found
                .getEntryFirstRep().getResource()).getDosageInstructionFirstRep().getDoseAndRateFirstRep();
        assertEquals(0, new BigDecimal("25").compareTo(exported.getRateQuantity().getValue()));
        assertEquals("ug/h", exported.getRateQuantity().getCode());
        assertTrue(!exported.hasDose(), "a patch is no dose");
    }

    @Test
    void eachSearchResultIsReadAtItsFullUrlWhileItsRegimenIsInForce() {
        String patientId = registeredPatient();
        client.create().resource(regimenBundle(patientId, null, null)).execute();
        Bundle found = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.SUBJECT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute();
        for (Bundle.BundleEntryComponent entry : found.getEntry()) {
            MedicationRequest read = client.read().resource(MedicationRequest.class).withUrl(entry.getFullUrl())
                    .execute();
            assertEquals(FHIR.newJsonParser().encodeResourceToString(entry.getResource()),
                    FHIR.newJsonParser().encodeResourceToString(read));
        }
        String superseded = found.getEntry().get(0).getFullUrl();
        as("ehr").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ] }
                """).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        for (String url : List.of(superseded, fhirBase + "/MedicationRequest/abc",
                fhirBase + "/MedicationRequest/" + UUID.randomUUID() + "-0")) {
            io.restassured.RestAssured.given().header("Authorization", TestTokens.bearer("clinician")).get(url)
                    .then().statusCode(404).contentType("application/fhir+json")
                    .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"));
        }
    }

    @Test
    void theCapabilityStatementListsExactlyWhatIsSupported() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertValid(statement);
        Map<String, List<String>> interactions = new TreeMap<>();
        statement.getRestFirstRep().getResource().forEach(resource -> interactions.put(resource.getType(),
                resource.getInteraction().stream().map(interaction -> interaction.getCode().toCode())
                        .collect(Collectors.toList())));
        assertEquals(Map.of("Observation", List.of("create", "read", "search-type"),
                "MedicationRequest", List.of("read", "search-type")), interactions);
        // A posted Bundle is not stored: what the endpoint takes is a transaction, a system-level interaction.
        assertEquals(List.of("transaction"), statement.getRestFirstRep().getInteraction().stream()
                .map(interaction -> interaction.getCode().toCode()).toList());
        assertNotNull(statement.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("MedicationRequest")).findFirst().orElseThrow()
                .getSearchParam().stream().filter(param -> param.getName().equals("subject")).findFirst()
                .orElse(null));
    }

    /** The patient's medication list as an EHR sends it: two oxycodone lines, paracetamol, one without a route. */
    static Bundle regimenBundle(String patientId, String identifierSystem, String identifierValue) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        if (identifierValue != null) {
            bundle.getIdentifier().setSystem(identifierSystem).setValue(identifierValue);
        }
        for (MedicationRequest order : List.of(order(patientId, "7804", "26643006", 20, "mg", 12, false),
                order(patientId, "7804", "26643006", 5, "mg", 4, true),
                order(patientId, "161", "26643006", 1, "g", 6, false))) {
            bundle.addEntry().setResource(order).getRequest().setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("MedicationRequest");
        }
        bundle.addEntry().setResource(order(patientId, "3264", null, 4, "mg", 24, false)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");
        return bundle;
    }

    static MedicationRequest order(String patientId, String rxcui, String snomedRoute, double dose, String ucum,
                                   int everyHours, boolean prn) {
        MedicationRequest request = MedicationRequestMappingTest.order(rxcui, snomedRoute, dose, ucum,
                MedicationRequestMappingTest.repeat(1, everyHours, Timing.UnitsOfTime.H));
        request.setSubject(new Reference("Patient/" + patientId));
        request.getDosageInstructionFirstRep().setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(prn));
        return request;
    }

    private static void assertValid(IBaseResource resource) {
        assertNotNull(resource, "the service answered a resource");
        assertEquals(List.of(), R4Validation.errors(FHIR.newJsonParser().encodeResourceToString(resource)),
                resource.fhirType() + " is valid R4");
    }
}
