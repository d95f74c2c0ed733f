package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painladder.api.RefractoryCaseFixtures.Flagged;
import org.painladder.app.FlaggingRefractoryPain;
import org.painladder.app.OpeningRefractoryCase;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.CaseTransition;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryFacts;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.domain.refractory.RefractoryVerdict;
import org.painladder.persistence.DuplicateOpenCaseException;
import org.painladder.persistence.Patients;
import org.painladder.persistence.RefractoryCases;

@QuarkusTest
class RefractoryWorklistTest {

    private static final String WORKLIST = "/api/v1/refractory-cases";

    @Inject
    FlaggingRefractoryPain flagging;
    @Inject
    OpeningRefractoryCase opening;
    @Inject
    RefractoryCases cases;
    @Inject
    Patients patients;

    @Test
    void aFlaggedPatientIsOnTheWorklistWithItsCriteriaCandidatesAndFigures() {
        String[] flagged = flaggedPatient(pancreaticPain());

        as("palliative").get(WORKLIST + "/" + flagged[1]).then().statusCode(200)
                .header("ETag", startsWith("\"0-"))
                .body("patientId", equalTo(flagged[0]))
                .body("status", equalTo("OPEN"))
                .body("site", equalTo("ABDOMEN_UPPER"))
                .body("primarySite", equalTo("PANCREAS"))
                .body("latestScore", equalTo(7))
                .body("omeddMg", equalTo(240.0f))
                .body("daysOnStep3", equalTo(15))
                .body("criteria.code", equalTo(List.of("ON_STEP3_MIN_DAYS", "PERSISTENT_MODERATE_OR_SEVERE", "HIGH_OMEDD")))
                .body("criteria[2].detail", equalTo("OMEDD 240 mg/d (morphine 240 mg/d ×1) ≥ 200"))
                .body("candidateInterventions.type",
                        equalTo(List.of("CELIAC_PLEXUS_NEUROLYSIS", "INTRATHECAL_PUMP", "IV_PCA")))
                .body("candidateInterventions[0].contraindicatedBy", equalTo(List.of("ANTICOAGULATED")))
                .body("candidateInterventions[2].contraindicatedBy", equalTo(List.of()))
                .body("candidateInterventions[0].rationale", startsWith("Upper-abdominal visceral pain: coeliac"))
                .body("history.to", equalTo(List.of("OPEN")))
                .body("history[0].by", equalTo("painladder REF-01"));

        as("ehr").get("/api/v1/patients/" + flagged[0]).then()
                .body("refractory", equalTo(true))
                .body("openRefractoryCaseId", equalTo(flagged[1]));
    }

    @Test
    void openingTwiceKeepsOneCaseAndTheDatabaseRefusesASecondOpenOne() {
        String[] flagged = flaggedPatient(pancreaticPain());
        RefractoryCase existing = cases.find(UUID.fromString(flagged[1])).orElseThrow();
        RefractoryFacts facts = new RefractoryFacts(Instant.now(), 3, existing.step3Since(), List.of(), List.of(),
                existing.omeddMg(), null, List.of(), Set.of(), null, PainMechanism.NOCICEPTIVE_VISCERAL,
                PainSite.ABDOMEN_UPPER, false, null, List.of(), null, null);

        OpeningRefractoryCase.Opening again = QuarkusTransaction.requiringNew().call(() -> opening.open(
                existing.patientId(), facts, new RefractoryVerdict.Refractory(existing.criteria())));
        assertEquals(false, again.opened());
        assertEquals(existing.id(), again.refractoryCase().id());

        RefractoryCase second = new RefractoryCase(UUID.randomUUID(), existing.patientId(), existing.mrn(),
                existing.site(), existing.primarySite(), Instant.now(), CaseStatus.OPEN, null, existing.criteria(),
                existing.candidateInterventions(), 7, existing.omeddMg(), existing.step3Since(), null, null, 0);
        assertThrows(DuplicateOpenCaseException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                cases.insert(second, new CaseTransition(null, CaseStatus.OPEN, Instant.now(), "test", null, null, null),
                        Instant.now())));
    }

    @Test
    void aLaterEvaluationThatNoLongerFiresKeepsTheCaseOpenAndItsFiguresCurrent() {
        String[] flagged = flaggedPatient(pancreaticPain());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RefractoryCaseFixtures.postScore(flagged[0], now, 2, PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL);
        RefractoryFacts controlled = RefractoryFacts.fromRecentAssessments(now, 3, now.minus(Duration.ofDays(16)),
                new BigDecimal("240"), null, Set.of("MORPHINE"), false, List.of(), RefractoryPolicy.defaults());

        FlaggingRefractoryPain.Flagging later = QuarkusTransaction.requiringNew().call(() ->
                flagging.evaluate(UUID.fromString(flagged[0]),
                        patients.find(UUID.fromString(flagged[0])).orElseThrow().state(), controlled));
        assertEquals(RefractoryVerdict.Reason.PAIN_NOT_UNCONTROLLED,
                ((RefractoryVerdict.NotRefractory) later.verdict()).reason());
        assertEquals(flagged[1], later.openCaseId().toString());

        as("palliative").get(WORKLIST + "/" + flagged[1]).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("latestScore", equalTo(2)).body("version", equalTo(0))
                .body("closingSuggestion", nullValue());
        as("ehr").get("/api/v1/patients/" + flagged[0]).then().body("openRefractoryCaseId", equalTo(flagged[1]));
    }

    @Test
    void aProcedureRecordedSinceTheFlaggingSuggestsClosingTheCaseOnTheWorklist() {
        Flagged lymphoma = new Flagged("LYMPHOMA", PainSite.BACK_LOW, PainMechanism.MIXED, 8, 300, 18, 4, "");
        String[] treated = flaggedPatient(lymphoma);
        String[] untreated = flaggedPatient(lymphoma);
        as("palliative").body("""
                        { "type": "PALLIATIVE_RADIOTHERAPY", "performedAt": "%s", "performedBy": "dr.okafor" }
                        """.formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)))
                .post("/api/v1/patients/" + treated[0] + "/procedures").then().statusCode(201);

        JsonPath worklist = as("palliative").queryParam("status", "OPEN").queryParam("primarySite", "LYMPHOMA")
                .queryParam("size", 200).get(WORKLIST).then().statusCode(200).extract().jsonPath();
        String treatedCase = "items.find { it.id == '" + treated[1] + "' }";
        assertEquals("REF-03", worklist.getString(treatedCase + ".closingSuggestion.ruleId"));
        assertEquals("INTERVENTION_DONE", worklist.getString(treatedCase + ".closingSuggestion.outcome"));
        assertTrue(worklist.getList("items.id").contains(untreated[1]));
        assertNull(worklist.get("items.find { it.id == '" + untreated[1] + "' }.closingSuggestion"));
    }

    @Test
    void filtersKeepOnlyMatchingCases() {
        String[] pancreas = flaggedPatient(pancreaticPain());
        String[] chest = flaggedPatient(new Flagged("MESOTHELIOMA", PainSite.CHEST, PainMechanism.NEUROPATHIC,
                8, 320, 20, 2, ""));

        JsonPath byPrimary = as("palliative").queryParam("primarySite", "MESOTHELIOMA").queryParam("size", 200)
                .get(WORKLIST).then().statusCode(200).body("items.primarySite", everyItem(equalTo("MESOTHELIOMA")))
                .extract().jsonPath();
        assertTrue(byPrimary.getList("items.id").contains(chest[1]));

        as("palliative").queryParam("site", "chest").queryParam("size", 200).get(WORKLIST).then().statusCode(200)
                .body("items.site", everyItem(equalTo("CHEST"))).body("items.id", hasItem(chest[1]))
                .body("items.id", not(hasItem(pancreas[1])));
        as("palliative").queryParam("status", "OPEN").queryParam("size", 200).get(WORKLIST).then().statusCode(200)
                .body("items.status", everyItem(equalTo("OPEN"))).body("items.id", hasItem(pancreas[1]));
        as("palliative").queryParam("status", "CLOSED").queryParam("size", 200).get(WORKLIST).then().statusCode(200)
                .body("items.id", not(hasItem(pancreas[1])));
    }

    @Test
    void theInterventionFilterLeavesOutCasesWhereTheOptionIsContraindicated() {
        String[] anticoagulated = flaggedPatient(pancreaticPain());
        String[] eligible = flaggedPatient(new Flagged("PANCREAS", PainSite.ABDOMEN_UPPER,
                PainMechanism.MIXED, 7, 260, 16, 2, ""));

        as("palliative").queryParam("intervention", "CELIAC_PLEXUS_NEUROLYSIS").queryParam("size", 200).get(WORKLIST)
                .then().statusCode(200)
                .body("items.id", hasItem(eligible[1])).body("items.id", not(hasItem(anticoagulated[1])));
        as("palliative").queryParam("intervention", "INTRATHECAL_CATHETER").queryParam("size", 200).get(WORKLIST)
                .then().body("items.id", hasItem(eligible[1])).body("items.id", not(hasItem(anticoagulated[1])));
        as("palliative").queryParam("intervention", "IV_PCA").queryParam("size", 200).get(WORKLIST)
                .then().body("items.id", hasItem(eligible[1])).body("items.id", hasItem(anticoagulated[1]));
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource({"flaggedAt", "-flaggedAt", "latestScore", "-latestScore", "omeddMg", "-omeddMg", "daysOnStep3",
            "-daysOnStep3"})
    void everySortKeyOrdersTheWholeWorklist(String sort) {
        flaggedPatient(new Flagged("LUNG", PainSite.LIMB_UPPER, PainMechanism.NEUROPATHIC, 9, 210, 30, null, ""));
        flaggedPatient(new Flagged("BREAST", PainSite.BONE_DIFFUSE, PainMechanism.NOCICEPTIVE_SOMATIC, 5, 400,
                14, 12, ""));

        List<java.util.Map<String, Object>> items = as("clinician").queryParam("sort", sort).queryParam("size", 200)
                .get(WORKLIST).then().statusCode(200).extract().jsonPath().getList("items");
        String key = sort.replace("-", "");
        List<Comparable<Object>> values = new ArrayList<>();
        for (var item : items) {
            @SuppressWarnings("unchecked")
            Comparable<Object> value = (Comparable<Object>) (Object) (key.equals("flaggedAt")
                    ? Instant.parse((String) item.get(key)) : Double.valueOf(item.get(key).toString()));
            values.add(value);
        }
        Comparator<Comparable<Object>> order = Comparator.naturalOrder();
        List<Comparable<Object>> sorted = new ArrayList<>(values);
        sorted.sort(sort.startsWith("-") ? order.reversed() : order);
        assertTrue(values.size() >= 2);
        assertEquals(sorted, values);
    }

    @Test
    void pagesCoverTheWorklistOnce() {
        flaggedPatient(pancreaticPain());
        flaggedPatient(pancreaticPain());
        flaggedPatient(pancreaticPain());
        JsonPath all = as("palliative").queryParam("size", 200).get(WORKLIST).then().extract().jsonPath();
        List<String> paged = new ArrayList<>();
        long total = all.getLong("total");
        for (int page = 0; page * 2 < total; page++) {
            as("palliative").queryParam("page", page).queryParam("size", 2).get(WORKLIST).then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo((int) total))
                    .extract().jsonPath().getList("items.id", String.class).forEach(paged::add);
        }
        assertEquals(all.getList("items.id"), paged);
    }

    @ParameterizedTest(name = "{0}={1} is 400")
    @CsvSource({"sort, severity", "sort, -", "status, PENDING", "site, ABDOMEN", "primarySite, SPLEEN",
            "intervention, ACUPUNCTURE", "size, 0", "page, -1"})
    void anUnknownFilterOrSortIsA400NamingTheParameter(String parameter, String value) {
        as("palliative").queryParam(parameter, value).get(WORKLIST).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("detail", startsWith(parameter + " must be"));
    }

    @Test
    void everyRoleButTheAuditorReadsTheWorklist() {
        as("ehr").get(WORKLIST).then().statusCode(200);
        as("admin").get(WORKLIST).then().statusCode(200);
        as("auditor").get(WORKLIST).then().statusCode(403).contentType("application/problem+json");
        as("palliative").get(WORKLIST + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
