package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.Route;

/**
 * §8.2 unableToSwallow over {@link RandomPatients}: whatever the fact (a new score, a regimen change, the PATCH that
 * sets the flag), no proposal of any rule gives anything by mouth: no route ORAL in its fields (nested ones too), no
 * product that only comes as a tablet or an oral liquid, and no rationale that tells the clinician to give something
 * by mouth.
 */
class UnableToSwallowPropertiesTest {

    private static final LadderPolicy POLICY = LadderPolicy.defaults();
    private static final int EXAMPLES = 1500;

    /** Formulary drugs with no route but ORAL, and the oral-only products the rules name outside the formulary. */
    private static final Set<String> ORAL_ONLY = oralOnly();

    /** Fields that name what the patient takes now, stops or holds, or what cannot be given, not what to give. */
    private static final Set<String> NOT_GIVEN = Set.of("stopDrug", "fromDrug", "fromRoute", "holdNsaid",
            "notByMouth", "conversion", "cautions", "factorsUsed");

    /** Ways a rationale tells the clinician to give something by mouth. */
    private static final List<Pattern> BY_MOUTH = Stream.of(
            "\\b(start|give|titrate|restart|add|prescribe|switch to|then)\\s+(an?\\s+|regular\\s+)?oral\\b",
            "\\b(immediate|modified)-release\\b",
            "\\d\\s*(mg|mcg)\\s+oral\\b",
            "\\boral (ir|immediate)\\b")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    /** Said of something to give, not of what cannot be given. */
    private static final Pattern TABLETS = Pattern.compile("\\b(by mouth|tablets?|capsules?)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Non-opioids and adjuvants that only come by mouth, as a rationale names them. */
    private static final Pattern ORAL_ONLY_NAMED = Pattern.compile("\\b(senna|macrogol|naloxegol|gabapentin|"
            + "pregabalin|amitriptyline|nortriptyline|duloxetine|carbamazepine|oxcarbazepine|ibuprofen|naproxen|"
            + "celecoxib|valaciclovir|famciclovir)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATED = Pattern.compile("\\b(cannot|not|no|stop|instead|hold|left out|rather "
            + "than|none)\\b", Pattern.CASE_INSENSITIVE);

    private static Set<String> oralOnly() {
        Set<String> codes = new java.util.TreeSet<>(Set.of("NALOXEGOL", "VALACICLOVIR", "FAMCICLOVIR"));
        new Formulary(FactorProfile.CDC_2022).drugs().stream()
                .filter(drug -> drug.routeSet().equals(Set.of(Route.ORAL)))
                .forEach(drug -> codes.add(drug.code()));
        return codes;
    }

    /**
     * The scenario's patient flagged unable to swallow; now and then with an intractable non-cancer condition too
     * (§6.8), so that INT-01..04 are asked.
     */
    static PatientSnapshot unableToSwallow(PatientSnapshot s, long seed) {
        PatientFactors f = s.factors();
        java.util.Random random = new java.util.Random(seed ^ 0x5ca1ab1eL);
        Set<PainCondition> conditions = EnumSet.noneOf(PainCondition.class);
        conditions.addAll(s.painConditions());
        if (random.nextInt(3) == 0) {
            conditions.add(PainCondition.values()[random.nextInt(PainCondition.values().length)]);
        }
        return new PatientSnapshot(s.patientId(), s.ladderStep(), s.ladderSince(), s.boneMetastases(),
                conditions, s.lifeExpectancyMonths(), s.primarySite(), s.contraindications(), s.regimen(),
                s.recentAssessments(), s.pending(), new PatientFactors(f.renalFunction(), f.hepaticImpairment(),
                f.frail(), f.weightKg(), true), s.organFunctionBands(), s.procedures());
    }

    /** The three facts a rule can answer: a new score, the regimen just recorded, and the PATCH setting the flag. */
    private static List<NewFact> facts(PatientSnapshot snapshot, RandomPatients.Scenario s) {
        PatientFactors before = new PatientFactors(snapshot.factors().renalFunction(),
                snapshot.factors().hepaticImpairment(), snapshot.factors().frail(), snapshot.factors().weightKg(),
                false);
        return List.of(s.fact(), new NewFact.RegimenChanged(RegimenFacts.none(), snapshot.regimen()),
                new NewFact.PatientFactorsChanged(before, snapshot.factors(), snapshot.organFunctionBands(),
                        snapshot.organFunctionBands()));
    }

    @Test
    void nothingIsGivenByMouthToAPatientWhoCannotSwallow() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            PatientSnapshot snapshot = unableToSwallow(s.snapshot(), seed);
            for (NewFact fact : facts(snapshot, s)) {
                Decision decision = Vignettes.ENGINE.evaluate(snapshot, fact, POLICY, Vignettes.CLOCK);
                for (ProposedRecommendation r : decision.toAdd()) {
                    List<String> found = byMouth(r);
                    assertTrue(found.isEmpty(), () -> "seed " + seed + ", " + fact.getClass().getSimpleName() + ": "
                            + r.ruleId().code() + " gives by mouth " + found + "; proposal " + r.proposal()
                            + "; rationale: " + r.rationale());
                }
            }
        });
    }

    /** What in the recommendation gives something by mouth, in words; empty when nothing does. */
    static List<String> byMouth(ProposedRecommendation r) {
        List<String> found = new ArrayList<>();
        fields(r.proposal(), "", found);
        for (Pattern pattern : BY_MOUTH) {
            var matcher = pattern.matcher(r.rationale());
            if (matcher.find()) {
                found.add("rationale says '" + matcher.group() + "'");
            }
        }
        for (String sentence : r.rationale().split("[.;]\\s+")) {
            boolean negated = NEGATED.matcher(sentence).find();
            var named = ORAL_ONLY_NAMED.matcher(sentence);
            if (named.find() && !negated) {
                found.add("rationale gives " + named.group().toLowerCase(Locale.ROOT) + ": '" + sentence + "'");
            }
            var tablets = TABLETS.matcher(sentence);
            if (tablets.find() && !negated) {
                found.add("rationale says '" + tablets.group() + "': '" + sentence + "'");
            }
        }
        String text = r.rationale().toLowerCase(Locale.ROOT);
        if (text.contains("keep the non-opioid") && !text.contains("cannot be taken by mouth")) {
            found.add("rationale keeps a non-opioid by mouth");
        }
        return found;
    }

    private static void fields(Object value, String key, List<String> found) {
        if (NOT_GIVEN.contains(key)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (Boolean.FALSE.equals(map.get("give"))) {
                return;
            }
            map.forEach((k, v) -> fields(v, k.toString(), found));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> fields(v, key, found));
        } else if (value instanceof String text) {
            if ((key.equals("route") || key.equals("rescueRoute")) && text.equals("ORAL")) {
                found.add(key + " ORAL");
            }
            if (key.equals("formulation")) {
                found.add("formulation " + text);
            }
            ORAL_ONLY.stream().filter(code -> Pattern.compile("(?<!not )(?<!no )\\b" + code + "\\b").matcher(text)
                    .find()).forEach(code -> found.add(key + " names " + code));
        }
    }
}
