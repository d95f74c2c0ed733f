package org.painladder.interop.cdshooks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.interop.cdshooks.CdsCalls.call;
import static org.painladder.interop.cdshooks.CdsCalls.fixture;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

/** order-select and order-sign: a draft order weighed as if added to the current regimen, storing nothing but the cards' uuids. */
@QuarkusTest
@TestProfile(CdsClientsProfile.class)
class OrderHooksTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    @Inject
    EntityManager entityManager;

    @Test
    void anOxycodoneDraftOnTopOfMorphineShowsTheOmeddBeforeAndAfterAndTheDuplicateClassWithoutStoringAnything() {
        String mrn = anyMrn();
        String patientId = patient(mrn);
        regimen(patientId, """
                { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 },
                { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 }""");
        score(patientId, 6);
        Map<String, Long> before = rowCounts();

        JsonPath cards = call("painladder-order-sign", fixture("order-sign-request.json", Map.of("fhirServer",
                "https://ehr.example.org/fhir", "patientId", patientId, "mrn", mrn))).statusCode(200)
                .extract().jsonPath();

        // The cards' uuids are kept, one row a card, so that feedback on them can be told from feedback on others.
        Map<String, Long> issued = new java.util.HashMap<>(before);
        issued.merge("cds_order_card", (long) cards.getList("cards").size(), Long::sum);
        assertEquals(issued, rowCounts(), "a hook call stores nothing but its audit event and its cards' uuids");
        String omedd = cards.getString("cards.find { it.summary.startsWith('OMEDD') }.summary");
        assertEquals("OMEDD 60 → 90 mg/d with oxycodone 10 mg ×2/d (step 3 → 3)", omedd);
        assertTrue(cards.getString("cards.find { it.summary.startsWith('OMEDD') }.detail")
                .contains("oxycodone 20 mg/d (10 mg × 2) × 1.5 = 30 mg/d OMEDD"));
        assertEquals("warning", cards.getString("cards.find { it.summary.startsWith('Same class opioids') }"
                + ".indicator"));
        String unchecked = cards.getString("cards.find { it.summary.startsWith('Draft order (senna)') }.summary");
        assertTrue(unchecked.contains("MedicationRequest.dosageInstruction") && unchecked.length() < 140, unchecked);
        assertEquals("info", cards.getString("cards.find { it.summary.startsWith('Draft order (senna)') }.indicator"));
        cards.getList("cards.summary", String.class).forEach(summary -> assertTrue(summary.length() < 140, summary));
    }

    @Test
    void everyRegimenWarningOfTheResultIsACardAndUnitsAreConverted() {
        String patientId = patient(anyMrn());
        regimen(patientId, """
                { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4 }""");
        score(patientId, 5);
        JsonPath cards = order("painladder-order-select", patientId,
                draft("161", "26643006", "1", "g", repeat(1, 6)),
                draft("4337", "45890007", "25", "ug/h", repeat(1, 72)));
        assertEquals("warning", cards.getString("cards.find { it.summary.startsWith('Ceiling exceeded') }"
                + ".indicator"));
        assertTrue(cards.getString("cards.find { it.summary.startsWith('Ceiling exceeded') }.detail")
                .contains("8000"), "paracetamol 1 g ×4 on top of 1000 mg ×4 is 8000 mg/d");
        assertEquals("critical", cards.getString("cards.find { it.summary.startsWith('Fentanyl patch not opioid"
                + " tolerant') }.indicator"));
        assertTrue(cards.getString("cards.find { it.summary.startsWith('OMEDD') }.summary")
                .startsWith("OMEDD 0 → 60 mg/d"), "a 25 mcg/h patch is 60 mg/d OMEDD (× 2.4)");
    }

    @Test
    void aDraftOfTheOpioidThePatientAlreadyTakesIsAWarningOfADuplicateOrder() {
        String patientId = patient(anyMrn());
        regimen(patientId, """
                { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 2 },
                { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 }""");
        score(patientId, 6);
        JsonPath cards = order("painladder-order-sign", patientId, draft("7804", "26643006", "10", "mg",
                repeat(1, 12)));
        assertEquals("warning", cards.getString("cards.find { it.summary.startsWith('Same drug scheduled twice') }"
                + ".indicator"));
        assertTrue(cards.getString("cards.find { it.summary.startsWith('Same drug scheduled twice') }.detail")
                .contains("60 mg/d together"), "oxycodone 20 mg ×2 and the draft's 10 mg ×2");
    }

    @Test
    void aStrongOpioidDraftedForMildPainIsOutOfStepWithTheLadder() {
        String patientId = patient(anyMrn());
        score(patientId, 2);
        JsonPath cards = order("painladder-order-sign", patientId, draft("7804", "26643006", "5", "mg",
                repeat(1, 6)));
        String ladder = "cards.find { it.summary.startsWith('Step-3 drug') }";
        assertEquals("Step-3 drug (oxycodone) ordered while the latest pain score is mild (2/10)",
                cards.getString(ladder + ".summary"));
        assertEquals("warning", cards.getString(ladder + ".indicator"));
        JsonPath moderate = order("painladder-order-sign", patient(anyMrn()), draft("161", "26643006", "1", "g",
                repeat(1, 6)));
        assertEquals(null, moderate.getString("cards.find { it.summary.startsWith('Step-') }"));
    }

    @Test
    void aDraftThatCannotBeMappedGetsAnInfoCardNamingTheMissingElement() {
        String patientId = patient(anyMrn());
        MedicationRequest unknownDrug = draft("999999", "26643006", "5", "mg", repeat(1, 6));
        MedicationRequest noRoute = draft("7804", null, "5", "mg", repeat(1, 6));
        MedicationRequest tooOften = draft("7804", "26643006", "5", "mg", repeat(1, 5));
        MedicationRequest hugeDose = draft("7804", "26643006", "200000", "mg", repeat(1, 6));
        JsonPath cards = order("painladder-order-select", patientId, unknownDrug, noRoute, tooOften, hugeDose);
        List<String> summaries = cards.getList("cards.summary", String.class);
        assertTrue(summaries.stream().anyMatch(s -> s.contains("MedicationRequest.medication[x]")), summaries.toString());
        assertTrue(summaries.stream().anyMatch(s -> s.contains("dosageInstruction[0].route")), summaries.toString());
        assertTrue(summaries.stream().anyMatch(s -> s.contains("timing.repeat")), summaries.toString());
        assertTrue(summaries.stream().anyMatch(s -> s.contains("MedicationRequest.dose")), summaries.toString());
        cards.getList("cards.indicator", String.class).forEach(indicator -> assertEquals("info", indicator));
    }

    @Test
    void draftOrdersAndThePrefetchedPatientAreReadAsStrictlyAsResourcesPostedToFhir() {
        String mrn = anyMrn();
        String patientId = patient(mrn);
        String request = fixture("order-sign-request.json", Map.of("fhirServer", "https://ehr.example.org/fhir",
                "patientId", patientId, "mrn", mrn));
        String draft = "\"status\": \"draft\",";
        String oxycodone = "context.draftOrders.entry[0].resource";
        Map<String, String> broken = Map.of(
                oxycodone + ".dosageInstruction[0].timing.repeat.frequency",
                request.replace("\"frequency\": 1,", "\"frequency\": \"1\","),
                oxycodone + ".authoredOn",
                request.replace(draft, draft + " \"authoredOn\": \"2026-12-07T10:00:00\","),
                "context.draftOrders",
                request.replace(draft, draft + " \"dosageInstructions\": [ { \"text\": \"10 mg twice a day\" } ],"),
                "prefetch.patient.birthDate",
                request.replace("\"identifier\": [", "\"birthDate\": 1958, \"identifier\": ["));
        broken.forEach((field, body) -> call("painladder-order-sign", body).statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-request"))
                .body("violations[0].field", equalTo(field)));
        call("painladder-order-sign", broken.get("context.draftOrders")).body("violations[0].message",
                containsString("unknown element dosageInstructions"));
    }

    @Test
    void aDraftNamingItsDrugByMedicationReferenceIsReadFromTheContainedMedicationAndNeverAnswers500() {
        String patientId = patient(anyMrn());
        score(patientId, 6);
        MedicationRequest productByName = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        productByName.addContained(new Medication().setCode(new CodeableConcept(new Coding(RXNORM, "1049621",
                "oxycodone hydrochloride 5 MG Oral Tablet"))).setId("m1"));
        productByName.setMedication(new Reference("#m1"));
        JsonPath byName = order("painladder-order-sign", patientId, productByName);
        assertEquals("OMEDD 0 → 45 mg/d with oxycodone 5 mg ×6/d (step 0 → 3)",
                byName.getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));

        MedicationRequest productByIngredient = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        Medication tablet = new Medication().setCode(new CodeableConcept(new Coding(RXNORM, "1049621", null)));
        tablet.addIngredient().setItem(new CodeableConcept(new Coding(RXNORM, "7804", null)));
        productByIngredient.addContained(tablet.setId("m1"));
        productByIngredient.setMedication(new Reference("#m1"));
        assertEquals("OMEDD 0 → 45 mg/d with oxycodone 5 mg ×6/d (step 0 → 3)", order("painladder-order-select",
                patientId, productByIngredient).getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));

        MedicationRequest external = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        external.setMedication(new Reference("Medication/123"));
        JsonPath notResolved = order("painladder-order-sign", patientId, external);
        assertEquals(List.of("info"), notResolved.getList("cards.indicator", String.class));
        assertTrue(notResolved.getString("cards[0].summary").contains("MedicationRequest.medicationReference"),
                notResolved.getString("cards[0].summary"));
    }

    @Test
    void aProductCodeWithoutItsIngredientSaysWhichCodesAreReadAndOtherChoiceTypesNeverAnswer500() {
        String patientId = patient(anyMrn());
        MedicationRequest product = draft("1049621", "26643006", "5", "mg", repeat(1, 4));
        MedicationRequest combination = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        combination.setMedication(new CodeableConcept(new Coding(RXNORM, "1049625",
                "acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet")));
        MedicationRequest range = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        range.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setDose(new Range()
                .setLow(new Quantity(5)).setHigh(new Quantity(10)));
        MedicationRequest splitSecond = draft("7804", "26643006", "5", "mg", repeat(1, 4));
        splitSecond.getDosageInstructionFirstRep().getTiming().getRepeat().setPeriod(new BigDecimal("1E-9"));
        JsonPath cards = order("painladder-order-sign", patientId, product, combination, range, splitSecond);
        List<String> details = cards.getList("cards.detail", String.class);
        assertEquals(4, details.size(), details.toString());
        assertEquals(2, details.stream().filter(detail -> detail.contains("MedicationRequest.medication[x]")
                && detail.contains("ingredient code") && detail.contains("1049621")).count(), details.toString());
        assertTrue(details.stream().anyMatch(detail -> detail.contains("doseQuantity")), details.toString());
        assertTrue(details.stream().anyMatch(detail -> detail.contains("timing.repeat")), details.toString());
    }

    @Test
    void theEhrsPrefetchedActiveOrdersAreWhatTheDraftIsWeighedAgainstAndPriorPrescriptionReplacesALine() {
        String patientId = patient(anyMrn());
        score(patientId, 6);
        MedicationRequest morphine = draft("7052", "26643006", "60", "mg", repeat(1, 12));
        morphine.setId("ehr-morphine-1");
        String prefetch = "{ \"medications\": " + activeOrders(patientId, morphine) + " }";
        JsonPath added = call("painladder-order-sign", orderRequest("painladder-order-sign", patientId, prefetch,
                draft("7804", "26643006", "10", "mg", repeat(1, 12)))).statusCode(200).extract().jsonPath();
        assertEquals("OMEDD 120 → 150 mg/d with oxycodone 10 mg ×2/d (step 3 → 3)",
                added.getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));
        assertEquals("warning", added.getString("cards.find { it.summary.startsWith('Same class opioids') }"
                + ".indicator"));

        MedicationRequest higher = draft("7052", "26643006", "90", "mg", repeat(1, 12));
        higher.setPriorPrescription(new Reference("MedicationRequest/ehr-morphine-1"));
        JsonPath changed = call("painladder-order-sign", orderRequest("painladder-order-sign", patientId,
                "{ \"medications\": " + activeOrders(patientId, morphine) + " }", higher)).statusCode(200)
                .extract().jsonPath();
        assertEquals("OMEDD 120 → 180 mg/d with morphine 90 mg ×2/d (step 3 → 3)",
                changed.getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));

        for (String malformed : List.of("\"garbage\"", "{ \"resourceType\": \"Bundle\", \"type\": 7 }")) {
            call("painladder-order-sign", orderRequest("painladder-order-sign", patientId, "{ \"medications\": "
                    + malformed + " }", draft("7804", "26643006", "10", "mg", repeat(1, 12)))).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", org.hamcrest.Matchers.startsWith("prefetch.medications"));
        }
    }

    @Test
    void aDraftWhosePriorPrescriptionIsARegimenLineReplacesThatLine() {
        String patientId = patient(anyMrn());
        score(patientId, 6);
        regimen(patientId, """
                { "drug": "OXYCODONE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2 }""");
        String lineId = as("ehr").get("/fhir/r4/MedicationRequest?subject=Patient/" + patientId).then()
                .statusCode(200).extract().path("entry[0].resource.id");
        MedicationRequest higher = draft("7804", "26643006", "15", "mg", repeat(1, 12));
        higher.setPriorPrescription(new Reference("MedicationRequest/" + lineId));
        assertEquals("OMEDD 30 → 45 mg/d with oxycodone 15 mg ×2/d (step 3 → 3)", order("painladder-order-sign",
                patientId, higher).getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));
    }

    @Test
    void anotherPatientsPrefetchOrDraftIsNeverWeighedAgainstThisPatient() {
        String mrn = anyMrn();
        String patientId = patient(mrn);
        score(patientId, 6);
        String otherPatient = "{ \"patient\": { \"resourceType\": \"Patient\", \"id\": \"ehr-BBB\","
                + " \"identifier\": [ { \"system\": \"urn:painladder:mrn\", \"value\": \"" + mrn + "\" } ] } }";
        call("painladder-order-sign", orderRequest("painladder-order-sign", "ehr-AAA", otherPatient,
                draft("7804", "26643006", "10", "mg", repeat(1, 12)))).statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("prefetch.patient.id"));

        MedicationRequest forSomeoneElse = draft("7804", "26643006", "10", "mg", repeat(1, 12));
        String request = orderRequest("painladder-order-sign", patientId, "{}", forSomeoneElse)
                .replace("\"reference\":\"Patient/" + patientId + "\"", "\"reference\":\"Patient/ehr-BBB\"");
        JsonPath cards = call("painladder-order-sign", request).statusCode(200).extract().jsonPath();
        assertEquals(List.of("info"), cards.getList("cards.indicator", String.class));
        assertTrue(cards.getString("cards[0].summary").contains("MedicationRequest.subject"),
                cards.getString("cards[0].summary"));

        String unavailable = "{ \"patient\": { \"resourceType\": \"OperationOutcome\", \"issue\": [ {"
                + " \"severity\": \"error\", \"code\": \"timeout\" } ] } }";
        JsonPath withoutPrefetch = call("painladder-order-sign", orderRequest("painladder-order-sign", patientId,
                unavailable, draft("7804", "26643006", "10", "mg", repeat(1, 12)))).statusCode(200).extract()
                .jsonPath();
        assertEquals("OMEDD 0 → 30 mg/d with oxycodone 10 mg ×2/d (step 0 → 3)",
                withoutPrefetch.getString("cards.find { it.summary.startsWith('OMEDD') }.summary"));
    }

    private JsonPath order(String service, String patientId, MedicationRequest... drafts) {
        return call(service, orderRequest(service, patientId, "{}", drafts)).statusCode(200).extract().jsonPath();
    }

    private static String orderRequest(String service, String patientId, String prefetch,
                                       MedicationRequest... drafts) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (MedicationRequest draft : drafts) {
            draft.setSubject(new Reference("Patient/" + patientId));
            bundle.addEntry().setResource(draft);
        }
        return """
                { "hook": "%s", "hookInstance": "%s",
                  "context": { "userId": "Practitioner/example", "patientId": "%s", "draftOrders": %s,
                               "selections": [] },
                  "prefetch": %s }
                """.formatted(service.replace("painladder-", ""), UUID.randomUUID(), patientId,
                FHIR.newJsonParser().encodeResourceToString(bundle), prefetch);
    }

    /** The EHR's active orders as a prefetch searchset, each keeping the id the EHR gave it. */
    private static String activeOrders(String patientId, MedicationRequest... orders) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (MedicationRequest order : orders) {
            order.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
            order.setSubject(new Reference("Patient/" + patientId));
            bundle.addEntry().setResource(order);
        }
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    static MedicationRequest draft(String rxcui, String snomedRoute, String dose, String ucum, Timing timing) {
        MedicationRequest request = new MedicationRequest();
        request.setId(UUID.randomUUID().toString());
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxcui,
                null)));
        Dosage dosage = request.addDosageInstruction().setTiming(timing);
        if (snomedRoute != null) {
            dosage.setRoute(new CodeableConcept(new Coding("http://snomed.info/sct", snomedRoute, null)));
        }
        dosage.addDoseAndRate().setDose(new Quantity().setValue(new BigDecimal(dose))
                .setSystem("http://unitsofmeasure.org").setCode(ucum).setUnit(ucum));
        return request;
    }

    static Timing repeat(int frequency, int hours) {
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(frequency).setPeriod(BigDecimal.valueOf(hours))
                .setPeriodUnit(Timing.UnitsOfTime.H);
        return timing;
    }

    private static String patient(String mrn) {
        return as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    private static void regimen(String patientId, String items) {
        as("clinician").body("{ \"items\": [" + items + "] }").put("/api/v1/patients/" + patientId + "/regimen")
                .then().statusCode(200);
    }

    private static void score(String patientId, int nrs) {
        as("ehr").body(nrsJson("obs-" + UUID.randomUUID(), Instant.now().minus(20, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS).toString(), nrs))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }

    /** Rows of every clinical table; the audit trail and token ids are expected to grow with each call. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')").getResultList();
        for (String table : tables) {
            String name = table.toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith("audit_") || name.startsWith("flyway") || name.equals("cds_client_token_id")
                    || name.equals("idempotency_key")) {
                continue;
            }
            counts.put(name, ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM " + name)
                    .getSingleResult()).longValue());
        }
        assertNotNull(counts.get("regimen"), "the tables were listed: " + counts);
        return counts;
    }
}
