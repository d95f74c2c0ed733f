package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.refractory.InterventionAdvisor;
import org.painladder.domain.refractory.InterventionType;

/**
 * CAU-04's structured proposal (clinical-rules §8.10; APS 2016, Chou et al., J Pain 17:131): IV PCA morphine for an
 * adult, fentanyl where organ function cautions against morphine (bolus 1 mg or 20 mcg, halved if frail; lockout 5-10 min, no basal infusion when opioid-naive, 4-hour maximum per local protocol); PCEA
 * after major thoracic or abdominal surgery (bupivacaine 0.1 % + fentanyl 2 mcg/mL) unless a neuraxial
 * contraindication is recorded; and multimodal paracetamol ± NSAID checked against organ function. Each PCA is given
 * as the regimen lines to record, so accepting the proposal and PUTting those lines round-trips.
 */
final class PostoperativeAnalgesia {

    static final BigDecimal PCIA_BOLUS_MG = BigDecimal.ONE;
    /** APS 2016: fentanyl IV PCA demand dose 10–50 mcg; the low end for a patient whose organs call for caution. */
    static final BigDecimal PCIA_BOLUS_FENTANYL_MCG = new BigDecimal("20");
    static final int LOCKOUT_MIN = 5;
    static final int LOCKOUT_MAX = 10;
    /** Sites of major thoracic or abdominal surgery, where PCEA is offered. */
    static final Set<PainSite> PCEA_SITES = EnumSet.of(PainSite.CHEST, PainSite.ABDOMEN_UPPER, PainSite.ABDOMEN_LOWER,
            PainSite.PELVIS);
    /** PCEA with bupivacaine 0.1 % (1 mg/mL) and fentanyl 2 mcg/mL: example pump settings, by local protocol. */
    private static final BigDecimal PCEA_BASAL_ML_H = new BigDecimal("6");
    private static final BigDecimal PCEA_BOLUS_ML = new BigDecimal("3");
    private static final int PCEA_LOCKOUT_MIN = 15;
    private static final BigDecimal FENTANYL_MCG_PER_ML = new BigDecimal("2");

    private final PostoperativeNonOpioids.NonOpioidCheck nonOpioids;

    PostoperativeAnalgesia(PostoperativeNonOpioids.NonOpioidCheck nonOpioids) {
        this.nonOpioids = nonOpioids;
    }

    /** Checked against the ORG table. */
    static PostoperativeAnalgesia standard() {
        return new PostoperativeAnalgesia(PostoperativeNonOpioids.ORG_TABLE);
    }

    /** The PCIA's opioid and demand dose for the patient's bands. */
    record Pcia(String drug, String unit, BigDecimal bolus, OrganFunction.Judgement morphine) {

        static Pcia of(Set<OrganFunctionBand> bands) {
            OrganFunction.Judgement morphine = OrganFunction.judge("MORPHINE", bands);
            // §8.2: fentanyl is the table's preferred opioid where the kidneys or the liver rule morphine out or call
            // for caution (no active metabolites to accumulate); starting doses are halved for the elderly or frail.
            boolean fentanyl = morphine.avoid() || morphine.caution();
            BigDecimal bolus = fentanyl ? PCIA_BOLUS_FENTANYL_MCG : PCIA_BOLUS_MG;
            if (bands.contains(OrganFunctionBand.ELDERLY_OR_FRAIL)) {
                bolus = OrganFunction.halved(bolus);
            }
            return new Pcia(fentanyl ? "FENTANYL" : "MORPHINE", fentanyl ? "mcg" : "mg", bolus, morphine);
        }

        boolean fentanyl() {
            return "FENTANYL".equals(drug);
        }
    }

    /** Adds the PCIA, PCEA and multimodal fields to CAU-04's advice, and says so in the rationale. */
    String addTo(Advice advice, ClinicalPicture picture, PainAssessment latest) {
        RegimenFacts regimen = picture.regimen();
        boolean opioidNaive = !regimen.hasScheduledOpioid();
        Pcia chosen = Pcia.of(picture.snapshot().organFunctionBands());
        OrganFunction.Judgement morphine = chosen.morphine();
        boolean fentanyl = chosen.fentanyl();
        String drug = chosen.drug();
        String unit = chosen.unit();
        BigDecimal bolus = chosen.bolus();
        Map<String, Object> pcia = new LinkedHashMap<>();
        pcia.put("drug", drug);
        pcia.put("route", "IV");
        pcia.put("mode", "PCA");
        pcia.put("bolusDose", bolus);
        pcia.put("unit", unit);
        pcia.put("lockoutMinutes", LOCKOUT_MAX);
        pcia.put("lockoutMinutesRange", LOCKOUT_MIN + "-" + LOCKOUT_MAX);
        pcia.put("basalInfusion", opioidNaive ? "none: opioid-naive (APS 2016)"
                : "none added: continue the usual background opioid");
        pcia.put("maxDosePer4h", "per local protocol");
        pcia.put("regimenLine", line(drug, "IV", unit, bolus, LOCKOUT_MAX, null));
        advice.propose("pcia", pcia);
        if (fentanyl) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "PCIA fentanyl instead of morphine: "
                    + morphine.reason());
        }
        StringBuilder text = new StringBuilder("IV PCA " + drug.toLowerCase(java.util.Locale.ROOT) + " "
                + bolus.toPlainString() + " " + unit + " bolus, lockout " + LOCKOUT_MIN + "-" + LOCKOUT_MAX + " min, "
                + (opioidNaive ? "no basal infusion (opioid-naive)" : "on top of the usual background opioid")
                + ", 4-hour maximum per local protocol" + (fentanyl ? " (fentanyl, not morphine: "
                + morphine.reason() + ")" : ""));
        // PCEA is an epidural catheter: §3.4's epidural column, the table the refractory candidates read.
        List<Contraindication> barred = InterventionAdvisor.contraindications(InterventionType.Family.NEURAXIAL,
                picture.snapshot().contraindications()).absolute();
        if (latest.site() != null && PCEA_SITES.contains(latest.site())) {
            if (barred.isEmpty()) {
                advice.propose("pcea", pcea());
                text.append("; after major thoracic or abdominal surgery PCEA instead: bupivacaine 0.1 % + fentanyl"
                        + " 2 mcg/mL, e.g. 6 mL/h, 3 mL bolus, lockout 15 min by local protocol");
            } else {
                String why = barred.stream().map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElseThrow();
                advice.propose("pceaNotOffered", why);
                text.append("; no PCEA: ").append(why).append(" recorded");
            }
        }
        List<PostoperativeNonOpioids.Choice> choices = nonOpioids.check(picture.snapshot().organFunctionBands(),
                picture.snapshot().factors(), picture.snapshot().contraindications());
        if (picture.cannotSwallow()) {
            choices = choices.stream().map(PostoperativeAnalgesia::withoutTablets).toList();
        }
        advice.propose("multimodal", choices.stream().map(PostoperativeAnalgesia::choice).toList());
        text.append("; multimodal: ").append(String.join("; ",
                choices.stream().map(PostoperativeNonOpioids.Choice::reason).toList()));
        advice.fact("opioidNaive", opioidNaive);
        return text + ".";
    }

    private static Map<String, Object> pcea() {
        Map<String, Object> pcea = new LinkedHashMap<>();
        pcea.put("solution", "bupivacaine 0.1 % (1 mg/mL) + fentanyl 2 mcg/mL");
        pcea.put("route", "EPIDURAL");
        pcea.put("mode", "PCA");
        pcea.put("basalMlPerHour", PCEA_BASAL_ML_H);
        pcea.put("bolusMl", PCEA_BOLUS_ML);
        pcea.put("lockoutMinutes", PCEA_LOCKOUT_MIN);
        pcea.put("settings", "example; by local protocol");
        pcea.put("regimenLines", List.of(
                line("BUPIVACAINE", "EPIDURAL", "mg", PCEA_BOLUS_ML, PCEA_LOCKOUT_MIN, PCEA_BASAL_ML_H),
                line("FENTANYL", "EPIDURAL", "mcg", PCEA_BOLUS_ML.multiply(FENTANYL_MCG_PER_ML), PCEA_LOCKOUT_MIN,
                        PCEA_BASAL_ML_H.multiply(FENTANYL_MCG_PER_ML))));
        return pcea;
    }

    private static Map<String, Object> line(String drug, String route, String unit, BigDecimal bolus, int lockout,
                                            BigDecimal basalPerHour) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("drug", drug);
        line.put("route", route);
        line.put("mode", "PCA");
        line.put("unit", unit);
        line.put("bolusDose", bolus);
        line.put("lockoutMinutes", lockout);
        if (basalPerHour != null) {
            line.put("ratePerHour", basalPerHour);
        }
        return line;
    }

    /**
     * The multimodal non-opioid as a patient who cannot swallow takes it (§8.2): paracetamol intravenously, the NSAID
     * as a diclofenac suppository within its 150 mg/day ceiling; a route on the line says which.
     */
    private static PostoperativeNonOpioids.Choice withoutTablets(PostoperativeNonOpioids.Choice choice) {
        if (!choice.give()) {
            return choice;
        }
        if ("PARACETAMOL".equals(choice.drug())) {
            return new PostoperativeNonOpioids.Choice("PARACETAMOL", true, choice.maxDailyDoseMg(), choice.reason()
                    + ", intravenously (the patient cannot swallow)", "IV");
        }
        return new PostoperativeNonOpioids.Choice(NonOral.RECTAL_NSAID, true, new BigDecimal("150"),
                NonOral.RECTAL_NSAID_TEXT + " instead of ibuprofen (the patient cannot swallow); "
                        + choice.reason().replaceFirst("^ibuprofen 400 mg × 3 ", ""), "RECTAL");
    }

    private static Map<String, Object> choice(PostoperativeNonOpioids.Choice choice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("drug", choice.drug());
        if (choice.route() != null) {
            body.put("route", choice.route());
        }
        body.put("give", choice.give());
        if (choice.maxDailyDoseMg() != null) {
            body.put("maxDailyDoseMg", choice.maxDailyDoseMg());
        }
        body.put("reason", choice.reason());
        return body;
    }
}
