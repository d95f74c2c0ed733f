package org.painladder.domain.ladder;

import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.onMethadone;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithCodeine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithTramadol;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.RSC_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.vignette;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.patient.HepaticImpairment;

/**
 * A palliative physician's round-4 cases (2026-12-07): out of a weak opioid the lower end of its published factors
 * (§8.1.3, §2.7), the frail start halved (§8.2, §2.6), modified-release doses that are made, and a rescue beside
 * methadone sized from the conservative 4:1, not the display factor 4.7 (§2.5).
 */
class OpioidArithmeticVignettesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEngineDecidesAsThePhysicianWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> cases() {
        return Stream.of(
                vignette("Tramadol 400 mg/day, 5 then 6/10: morphine MR 40 mg/day (tramadol 0.1, not 0.2's 80)",
                        onStep2WithTramadol(400).with(assessments().background(5).hoursAgo(6)),
                        assessments().background(6).hoursAgo(1),
                        move(LAD_05, "stopDrug", "TRAMADOL", "drug", "MORPHINE", "toDailyDose", 40),
                        rationaleSays(LAD_05, "0.1, the lower end of its published factors")),
                vignette("Frail 86-year-old on tramadol 400 mg/day: morphine MR 20 mg/day, half the start",
                        onStep2WithTramadol(400).aged(86).frail().with(assessments().background(5).hoursAgo(6)),
                        assessments().background(6).hoursAgo(1),
                        move(LAD_05, "stopDrug", "TRAMADOL", "drug", "MORPHINE", "toDailyDose", 20),
                        rationaleSays(LAD_05, "elderly or frail"),
                        safetyCheck(LAD_05, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Codeine 360 mg/day in Child-Pugh B: 36 mg/day morphine halved is 18, MR doses of 5 mg: 10",
                        onStep2WithCodeine(360).hepatic(HepaticImpairment.MODERATE)
                                .with(assessments().background(5).hoursAgo(6)),
                        assessments().background(6).hoursAgo(1),
                        move(LAD_05, "stopDrug", "CODEINE", "drug", "MORPHINE", "toDailyDose", 10)),
                regimenChange("Methadone 30 mg/day without a rescue: morphine 17.5 mg from 4:1 (120 mg/day), not 20",
                        onMethadone(30).withoutRescue(),
                        advice(RSC_01, "rescueDrug", "MORPHINE", "rescueDose", 17.5),
                        rationaleSays(RSC_01, "methadone counted at 4:1")));
    }
}
