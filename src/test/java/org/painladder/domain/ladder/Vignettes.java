package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.painladder.domain.pain.PainAssessment;

/** A clinical vignette: a patient, a new fact, the policy in force, and what a palliative-care physician expects. */
record Vignettes(String name, PatientSnapshot snapshot, NewFact fact, LadderPolicy policy,
                 List<Consumer<Decision>> expectations) {

    static final Clock CLOCK = Clock.fixed(Assessments.NOW, ZoneOffset.UTC);
    static final LadderEngine ENGINE = new LadderEngine();

    @SafeVarargs
    static Vignettes vignette(String name, PatientSnapshots patient, PainAssessment newAssessment,
                              Consumer<Decision>... expected) {
        return new Vignettes(name, patient.build(), new NewFact.AssessmentRecorded(newAssessment),
                LadderPolicy.defaults(), List.of(expected));
    }

    @SafeVarargs
    static Vignettes regimenChange(String name, PatientSnapshots patient, Consumer<Decision>... expected) {
        PatientSnapshot snapshot = patient.build();
        return new Vignettes(name, snapshot, new NewFact.RegimenChanged(RegimenFacts.none(), snapshot.regimen()),
                LadderPolicy.defaults(), List.of(expected));
    }

    /** The patient's factors have just changed to those of {@code patient} (from none recorded). */
    @SafeVarargs
    static Vignettes factorsChange(String name, PatientSnapshots patient, Consumer<Decision>... expected) {
        PatientSnapshot snapshot = patient.build();
        return new Vignettes(name, snapshot, new NewFact.PatientFactorsChanged(null, snapshot.factors(), null,
                snapshot.organFunctionBands()), LadderPolicy.defaults(), List.of(expected));
    }

    Vignettes under(LadderPolicy other) {
        return new Vignettes(name, snapshot, fact, other, expectations);
    }

    Decision decide() {
        return ENGINE.evaluate(snapshot, fact, policy, CLOCK);
    }

    void check() {
        Decision decision = decide();
        expectations.forEach(e -> e.accept(decision));
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- expectations, in the words of the ward round ----

    /** Exactly one ladder move, by this rule, proposing (at least) these values. */
    static Consumer<Decision> move(RuleId rule, Object... proposal) {
        return decision -> {
            List<ProposedRecommendation> moves = ladderMoves(decision);
            assertEquals(1, moves.size(), () -> "one ladder move expected, got " + describe(decision));
            ProposedRecommendation move = moves.get(0);
            assertEquals(rule, move.ruleId(), () -> "rule, got " + describe(decision));
            assertEquals(rule.type(), move.type());
            assertEquals(LadderPolicy.RULES_VERSION, move.rulesVersion());
            assertFalse(move.rationale().isBlank());
            assertProposal(move, proposal);
        };
    }

    static Consumer<Decision> noLadderMove() {
        return decision -> assertTrue(ladderMoves(decision).isEmpty(), () -> "no ladder move expected, got "
                + describe(decision));
    }

    static Consumer<Decision> nothingNew() {
        return decision -> assertTrue(decision.toAdd().isEmpty(), () -> "nothing expected, got " + describe(decision));
    }

    /** Co-advice by this rule, beside whatever ladder move there is. */
    static Consumer<Decision> advice(RuleId rule, Object... proposal) {
        return decision -> {
            ProposedRecommendation advice = decision.toAdd().stream().filter(r -> r.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected, got " + describe(decision)));
            assertEquals(rule.type(), advice.type());
            assertFalse(advice.type().isLadderMove(), "co-advice is not a ladder move");
            assertProposal(advice, proposal);
        };
    }

    static Consumer<Decision> noAdvice(RuleId rule) {
        return decision -> assertTrue(decision.toAdd().stream().noneMatch(r -> r.ruleId() == rule),
                () -> rule.code() + " not expected, got " + describe(decision));
    }

    static Consumer<Decision> rationaleSays(RuleId rule, String words) {
        return decision -> {
            ProposedRecommendation r = decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected, got " + describe(decision)));
            assertTrue(r.rationale().contains(words), () -> "rationale of " + rule.code() + " should say '" + words
                    + "': " + r.rationale());
        };
    }

    static Consumer<Decision> evidenceThreshold(RuleId rule, String name, Object value) {
        return decision -> {
            ProposedRecommendation r = decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected, got " + describe(decision)));
            assertTrue(r.evidence().thresholds().containsKey(name), () -> name + " missing in " + r.evidence());
            assertSame(value, r.evidence().thresholds().get(name));
        };
    }

    /** The CDS Hooks card of this rule's recommendation has this indicator (critical for toxicity, red flags …). */
    static Consumer<Decision> indicator(RuleId rule, String expected) {
        return decision -> assertEquals(expected, find(decision, rule).indicator(), () -> rule.code() + " indicator");
    }

    /** The §8.1 check of this name on the rule's recommendation gave this result (PASSED, CHANGED, BLOCKED …). */
    static Consumer<Decision> safetyCheck(RuleId rule, String check, String result) {
        return decision -> {
            ProposedRecommendation r = find(decision, rule);
            SafetyCheck found = r.safetyChecks().stream().filter(c -> c.check().equals(check)).findFirst()
                    .orElseThrow(() -> new AssertionError(check + " missing on " + rule.code() + ": "
                            + r.safetyChecks()));
            assertEquals(result, found.result(), () -> check + " on " + rule.code() + ": " + found.detail());
        };
    }

    /** The analgesia a cause-directed card proposes for the band: the drug and its single dose. */
    static Consumer<Decision> analgesia(RuleId rule, String drug, Object dose) {
        return decision -> {
            Object analgesia = find(decision, rule).proposal().get("analgesia");
            assertTrue(analgesia instanceof java.util.Map<?, ?>, () -> rule.code() + " proposes no analgesia: "
                    + describe(decision));
            java.util.Map<?, ?> map = (java.util.Map<?, ?>) analgesia;
            assertEquals(drug, map.get("drug"), () -> "analgesic of " + rule.code() + ": " + map);
            assertSame(dose, map.get("dose"));
        };
    }

    /** No proposal of the decision names this drug as the one to give (its drug or rescue). */
    static Consumer<Decision> neverGives(String drug) {
        return decision -> decision.toAdd().forEach(r -> assertFalse(
                SafetyReview.drugsGiven(r.type(), r.proposal()).contains(drug)
                        || String.valueOf(r.proposal().get("adjuvant")).contains(drug)
                        || String.valueOf(r.proposal().get("boneTargetedAgent")).contains(drug)
                        || String.valueOf(r.proposal().get("alternative")).contains(drug)
                        || String.valueOf(r.proposal().get("alternatives")).contains(drug),
                () -> r.ruleId().code() + " gives " + drug + ": " + r.proposal()));
    }

    private static ProposedRecommendation find(Decision decision, RuleId rule) {
        return decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                .orElseThrow(() -> new AssertionError(rule.code() + " expected, got " + describe(decision)));
    }

    static Consumer<Decision> supersedes(UUID id) {
        return decision -> assertTrue(decision.toSupersede().contains(id), () -> id + " should be superseded, got "
                + decision.toSupersede());
    }

    static Consumer<Decision> doesNotSupersede(UUID id) {
        return decision -> assertFalse(decision.toSupersede().contains(id), () -> id + " should stay pending, got "
                + describe(decision));
    }

    static Consumer<Decision> supersedesNothing() {
        return decision -> assertTrue(decision.toSupersede().isEmpty(), () -> "nothing superseded expected, got "
                + decision.toSupersede());
    }

    private static void assertProposal(ProposedRecommendation r, Object... proposal) {
        for (int i = 0; i < proposal.length; i += 2) {
            String key = (String) proposal[i];
            Object expected = proposal[i + 1];
            assertTrue(r.proposal().containsKey(key), () -> key + " missing in proposal " + r.proposal());
            assertSame(expected, r.proposal().get(key));
        }
    }

    private static void assertSame(Object expected, Object actual) {
        if (expected instanceof Number number && actual instanceof BigDecimal decimal) {
            assertEquals(0, new BigDecimal(number.toString()).compareTo(decimal),
                    () -> "expected " + expected + " but was " + actual);
        } else if (expected instanceof Number number && actual instanceof Number other) {
            assertEquals(number.longValue(), other.longValue());
        } else {
            assertEquals(expected, actual);
        }
    }

    static List<ProposedRecommendation> ladderMoves(Decision decision) {
        return decision.toAdd().stream().filter(r -> r.type().isLadderMove()).toList();
    }

    static String describe(Decision decision) {
        return Arrays.toString(decision.toAdd().stream()
                .map(r -> r.ruleId().code() + " " + r.proposal()).toArray()) + " superseding " + decision.toSupersede();
    }
}
