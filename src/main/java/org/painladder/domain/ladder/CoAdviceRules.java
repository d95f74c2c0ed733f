package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.refractory.InterventionAdvisor;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.Interactions;
import org.painladder.domain.regimen.DoseSteps;

/**
 * CO-ADVICE, precedence 5: adjuvants (ADJ-01/02), the intractable non-cancer conditions (INT-01..04) and the rescue
 * check (RSC-01/02). These sit beside any ladder move and never supersede one. They read the latest assessment of
 * any kind: a neuropathic breakthrough flare calls for an adjuvant as much as neuropathic background pain.
 */
final class CoAdviceRules {

    static final Set<String> NEUROPATHIC_ADJUVANTS = Set.of("GABAPENTIN", "PREGABALIN", "AMITRIPTYLINE",
            "NORTRIPTYLINE", "DULOXETINE");
    static final Set<String> TRIGEMINAL_FIRST_LINE = Set.of("CARBAMAZEPINE", "OXCARBAZEPINE");
    static final Set<String> NSAIDS = Set.of("IBUPROFEN", "NAPROXEN", "DICLOFENAC", "CELECOXIB", "KETOROLAC");

    private CoAdviceRules() {
    }

    /** @param moveRescue the rescue the ladder move of the same evaluation sets, which RSC-03 then times */
    static List<ProposedRecommendation> onAssessment(ClinicalPicture picture, Optional<RescuePlan> moveRescue) {
        List<ProposedRecommendation> advice = new ArrayList<>();
        Optional<PainAssessment> latest = picture.latest();
        if (latest.isEmpty()) {
            return advice;
        }
        PainAssessment a = latest.get();
        PainBand band = picture.band(a);
        RegimenFacts regimen = picture.regimen();
        Set<PainCondition> conditions = picture.snapshot().painConditions();
        RedFlags.evaluate(picture).forEach(advice::add);
        // A laxative or a steroid is an adjuvant too: only a neuropathic one satisfies ADJ-01.
        if (a.mechanism().hasNeuropathicComponent() && band.atLeast(PainBand.MILD)
                && NEUROPATHIC_ADJUVANTS.stream().noneMatch(regimen::isScheduled)) {
            advice.add(neuropathic(picture, a, band));
        }
        if ((a.site() == PainSite.BONE_DIFFUSE || picture.snapshot().boneMetastases())
                && band.atLeast(PainBand.MODERATE)) {
            advice.add(bone(picture, a, band));
        }
        if (conditions.contains(PainCondition.TRIGEMINAL_NEURALGIA) && band.atLeast(PainBand.MILD)
                && TRIGEMINAL_FIRST_LINE.stream().noneMatch(regimen::isScheduled)) {
            advice.add(trigeminal(picture, a));
        }
        if (conditions.contains(PainCondition.HERPES_ZOSTER_ACUTE)) {
            advice.add(zoster(picture, a, band));
        }
        if (conditions.contains(PainCondition.POSTHERPETIC_NEURALGIA) && band.atLeast(PainBand.MILD)
                && NEUROPATHIC_ADJUVANTS.stream().noneMatch(regimen::isScheduled)) {
            advice.add(postherpetic(picture, a));
        }
        if (conditions.contains(PainCondition.DISC_HERNIATION_RADICULOPATHY) && band.atLeast(PainBand.MODERATE)) {
            advice.add(radicular(picture, a, regimen));
        }
        if (a.breakthroughType() == BreakthroughType.INCIDENT && regimen.hasScheduledOpioid()) {
            advice.add(incident(picture, a, moveRescue));
        }
        coeliacPlexus(picture).ifPresent(advice::add);
        return advice;
    }

    static final Set<String> LAXATIVES = Set.of("SENNA", "MACROGOL", "LACTULOSE", "BISACODYL", "DOCUSATE",
            "SODIUM_PICOSULFATE", "NALOXEGOL", "METHYLNALTREXONE");

    /** ADJ-03 (§8.7): a scheduled opioid without a scheduled laxative; judged, like RSC-01, on a regimen change. */
    static Optional<ProposedRecommendation> laxative(ClinicalPicture picture) {
        RegimenFacts regimen = picture.regimen();
        if (!regimen.hasScheduledOpioid() || LAXATIVES.stream().anyMatch(regimen::isScheduled)) {
            return Optional.empty();
        }
        boolean constipated = picture.latest().map(x -> ClinicalPicture.has(x,
                org.painladder.domain.pain.AdverseEffectType.CONSTIPATION,
                org.painladder.domain.pain.Severity.MODERATE)).orElse(false);
        if (picture.cannotSwallow()) {
            // Senna, macrogol and naloxegol are taken by mouth: a suppository, and the PAMORA given by injection.
            return Optional.of(Advice.of(RuleId.ADJ_03, picture)
                    .because("A regular opioid without a regular laxative: opioid constipation does not wear off. "
                            + "The patient cannot swallow, so give a rectal laxative: bisacodyl "
                            + NonOral.RECTAL_LAXATIVE_DOSE + " (a glycerol suppository as well if the stool is hard)"
                            + (constipated ? "; constipation is already reported: if it persists, methylnaltrexone SC "
                            + "(a PAMORA by injection)" : "; methylnaltrexone SC (a PAMORA by injection) if it becomes "
                            + "refractory") + ". Constipation is treated, it never calls for lowering the opioid.")
                    .fact("scheduledOpioid", PrimaryOpioid.of(regimen).map(ScheduledDrug::code).orElse(null))
                    .fact("unableToSwallow", true)
                    .propose("drug", NonOral.RECTAL_LAXATIVE)
                    .propose("route", "RECTAL")
                    .propose("dose", BigDecimal.TEN)
                    .propose("doseUnit", "mg")
                    .propose("frequency", "once a day, by the clock")
                    .propose("with", "GLYCEROL suppository if the stool is hard")
                    .propose("ifRefractory", "PAMORA: " + NonOral.PAMORA + " SC (weight-based, every other day)")
                    .build());
        }
        return Optional.of(Advice.of(RuleId.ADJ_03, picture)
                .because("A regular opioid without a regular laxative: opioid constipation does not wear off. "
                        + "Prescribe senna 7.5–15 mg at night ± macrogol 1–2 sachets a day, by the clock"
                        + (constipated ? "; constipation is already reported: if it persists despite both, a PAMORA "
                        + "(naloxegol or methylnaltrexone)" : "; a PAMORA (naloxegol or methylnaltrexone) if it "
                        + "becomes refractory") + ". Constipation is treated, it never calls for lowering the opioid.")
                .fact("scheduledOpioid", PrimaryOpioid.of(regimen).map(ScheduledDrug::code).orElse(null))
                .propose("drug", "SENNA")
                .propose("route", "ORAL")
                .propose("dose", new BigDecimal("7.5"))
                .propose("doseUnit", "mg")
                .propose("frequency", "at night, by the clock")
                .propose("with", "MACROGOL 1–2 sachets a day")
                .propose("ifRefractory", "PAMORA: NALOXEGOL or METHYLNALTREXONE")
                .build());
    }

    /**
     * RSC-03 (§8.6): incident pain is predictable; a rescue 20–30 min before the trigger, not a higher background
     * dose. Transmucosal fentanyl only for the opioid-tolerant; at a bone site, fracture risk is assessed.
     */
    private static ProposedRecommendation incident(ClinicalPicture picture, PainAssessment a,
                                                   Optional<RescuePlan> moveRescue) {
        RegimenFacts regimen = picture.regimen();
        boolean tolerant = regimen.opioidTolerant(picture.now());
        String beforeTrigger = "20–30 min before the known trigger (movement, dressing, transfer)";
        // The rescue a ladder move beside this advice sets is the one to time: one rescue dose per evaluation.
        Optional<RescuePlan> current = moveRescue.or(() -> Titration.primaryRescue(regimen)
                .map(r -> new RescuePlan(r.code(), r.route(), DoseSteps.plain(r.singleDose()), r.unit(), "")));
        RescuePlan plan = current.map(r -> new RescuePlan(r.drug(), r.route(), r.singleDose(), r.unit(),
                        beforeTrigger))
                .orElseGet(() -> RescuePlan.forDailyOmedd(Equianalgesia.rescueBasisMg(regimen, regimen.omeddMg(), null,
                        null, picture.policy().mmeFactorProfile()), PrimaryOpioid.of(regimen).orElse(null),
                        regimen, picture.policy()))
                .forPatient(picture);
        boolean bone = a.site() == PainSite.BONE_DIFFUSE || a.site() == PainSite.BACK_LOW
                || picture.snapshot().boneMetastases();
        Advice advice = Advice.of(RuleId.RSC_03, picture)
                .because("Incident (movement-related) breakthrough pain (" + a.score() + "/10): it is predictable, "
                        + "so give the rescue (" + plan.describe().replace(plan.frequency(), "").trim() + ") 20–30 min "
                        + "before the known trigger; these episodes do not raise the background dose. "
                        + (tolerant ? "Transmucosal fentanyl, titrated from the lowest strength, is an option for "
                        + "short, fast-onset episodes." : "No transmucosal fentanyl: the patient is not "
                        + "opioid-tolerant (at least 60 mg/day oral morphine or equivalent for a week).")
                        + (bone ? " At a bone site, assess the fracture risk (imaging, orthopaedic opinion; "
                        + "ADJ-02, CAU-03)." : ""))
                .read(a)
                .fact("breakthroughType", BreakthroughType.INCIDENT.name())
                .fact("btp24h", a.breakthroughEpisodes24h())
                .rescue(plan)
                .propose("rescueTiming", "20–30 min before the known trigger")
                .propose("transmucosalFentanyl", tolerant ? "option, titrated from the lowest strength"
                        : "not for a patient who is not opioid-tolerant")
                .propose("fractureRiskAssessment", bone ? true : null);
        if (!tolerant) {
            advice.check(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.CHANGED, "transmucosal fentanyl left out: "
                    + "not opioid-tolerant (OMEDD " + DoseSteps.plain(regimen.omeddMg()).toPlainString()
                    + " mg/day now; tolerance needs at least 60 mg/day, or a label threshold, for 7 days)");
        }
        return advice.build();
    }

    /** An EnumSet, as every set of sites here: it answers false for a patient registered without a primary site. */
    private static final Set<org.painladder.domain.patient.PrimarySite> UPPER_ABDOMINAL = EnumSet.of(
            org.painladder.domain.patient.PrimarySite.PANCREAS, org.painladder.domain.patient.PrimarySite.STOMACH,
            org.painladder.domain.patient.PrimarySite.LIVER);

    /**
     * INT-05 (§8.9): pancreatic or upper-abdominal visceral pain on step 3 that stays moderate or worse: refer for
     * coeliac plexus neurolysis now (ESMO 2018), not only once REF-01 finds the pain refractory.
     */
    private static Optional<ProposedRecommendation> coeliacPlexus(ClinicalPicture picture) {
        boolean step3 = PrimaryOpioid.strong(picture.regimen()).isPresent();
        Optional<PainAssessment> latest = picture.latestRecentBackground();
        if (!step3 || latest.isEmpty()) {
            return Optional.empty();
        }
        PainAssessment a = latest.get();
        // Pancreatic pain often radiates to the back.
        boolean upperAbdomen = a.site() == PainSite.ABDOMEN_UPPER
                || (UPPER_ABDOMINAL.contains(picture.snapshot().primarySite()) && a.site() == PainSite.BACK_LOW);
        boolean visceral = a.mechanism() == org.painladder.domain.pain.PainMechanism.NOCICEPTIVE_VISCERAL
                || a.mechanism() == org.painladder.domain.pain.PainMechanism.MIXED;
        boolean pancreas = picture.snapshot().primarySite() == org.painladder.domain.patient.PrimarySite.PANCREAS;
        List<PainAssessment> persistent = picture.persistentBand(PainBand.MODERATE);
        if (!(upperAbdomen && (visceral || pancreas)) || persistent.isEmpty()) {
            return Optional.empty();
        }
        InterventionAdvisor.Contraindications contraindications = InterventionAdvisor.contraindications(
                InterventionType.CELIAC_PLEXUS_NEUROLYSIS.family(), picture.snapshot().contraindications());
        String pain = "Upper-abdominal visceral cancer pain" + (pancreas ? " from the pancreas" : "") + " still "
                + LadderMoveRules.scores(persistent) + "/10 on step 3: ";
        Advice advice = Advice.of(RuleId.INT_05, picture)
                .read(persistent)
                .threshold("minScoresForPersistence", picture.policy().minScoresForPersistence())
                .fact("primarySite", picture.snapshot().primarySite() == null ? null
                        : picture.snapshot().primarySite().name());
        if (!contraindications.absolute().isEmpty()) {
            // §3.4: a contraindicated procedure is named with what rules it out, never advised "now".
            return Optional.of(advice
                    .because(pain + "coeliac plexus neurolysis, the early referral for this pain (ESMO 2018), is "
                            + "contraindicated by " + words(contraindications.absolute()) + " (clinical-rules §3.4): "
                            + "do not refer now. Discuss with the pain team whether it can be corrected (an "
                            + "anticoagulant held for the ASRA interval, an infection treated). The ladder continues "
                            + "meanwhile.")
                    .propose("contraindicatedBy", names(contraindications.absolute()))
                    .propose("timing", "not now: contraindicated")
                    .build());
        }
        boolean relative = !contraindications.relative().isEmpty();
        if (relative) {
            advice.propose("relativeContraindications", names(contraindications.relative()));
        }
        return Optional.of(advice
                .because(pain + (relative ? "refer for coeliac plexus neurolysis (EUS- or CT-guided) once "
                        + words(contraindications.relative()) + " is treated or corrected (a relative "
                        + "contraindication, clinical-rules §3.4); it" : "refer now for coeliac plexus neurolysis "
                        + "(EUS- or CT-guided), which") + " relieves pancreatic cancer pain and spares opioid (ESMO "
                        + "2018; Arcidiacono 2011); do not wait until the pain is refractory. The ladder continues "
                        + "meanwhile.")
                .propose("referral", "CELIAC_PLEXUS_NEUROLYSIS")
                .propose("timing", relative ? "once " + words(contraindications.relative()) + " is corrected"
                        : "now, alongside step 3")
                .build());
    }

    /** A §3.4 contraindication as the ward says it: "anticoagulated", "local infection". */
    private static String words(List<Contraindication> contraindications) {
        return String.join(" and ", contraindications.stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList());
    }

    private static List<String> names(List<Contraindication> contraindications) {
        return contraindications.stream().map(Enum::name).toList();
    }

    /**
     * The neuropathic adjuvants for this patient's bands (§8.2) and regimen: gabapentin and pregabalin by the label's
     * creatinine-clearance table and at a low start when elderly or frail, amitriptyline and duloxetine only where
     * they are not to be avoided, neither for the organs nor beside an opioid their labels warn against (tramadol or
     * tapentadol: serotonin syndrome; methadone and a tricyclic: QTc), since a gabapentinoid does the same work
     * without the interaction. ADJ-01, INT-02 and INT-03 all give them from here.
     */
    private record NeuropathicAdjuvants(int gabapentinMg, String ceiling, String pregabalin, boolean amitriptyline,
                                        boolean lowDose, String amitriptylineReason, boolean duloxetine,
                                        String duloxetineReason, List<String> leftOutForInteraction,
                                        Optional<String> besideOpioid) {

        static NeuropathicAdjuvants of(ClinicalPicture picture) {
            Set<OrganFunctionBand> bands = picture.snapshot().organFunctionBands();
            Set<String> taken = picture.regimen().drugsTaken();
            OrganFunction.Judgement gabapentin = OrganFunction.judge("GABAPENTIN", bands);
            boolean renalSevere = bands.stream()
                    .anyMatch(OrganFunctionBand::isRenalSevereOrWorse);
            boolean lowDose = renalSevere || gabapentin.caution() || bands.contains(
                    OrganFunctionBand.ELDERLY_OR_FRAIL);
            String ceiling = bands.contains(OrganFunctionBand.RENAL_FAILURE)
                    ? "at most 300 mg/day (CrCl < 15)" : renalSevere ? "at most 700 mg/day (CrCl 15–29)"
                    : gabapentin.caution() ? "by the label's CrCl table" : "titrate to 1800–3600 mg/day";
            OrganFunction.Judgement amitriptyline = OrganFunction.judge("AMITRIPTYLINE", bands);
            OrganFunction.Judgement duloxetine = OrganFunction.judge("DULOXETINE", bands);
            Optional<Interactions.Finding> amitriptylineInteraction = Interactions.leaveOut("AMITRIPTYLINE", taken);
            Optional<Interactions.Finding> duloxetineInteraction = Interactions.leaveOut("DULOXETINE", taken);
            List<String> leftOut = new ArrayList<>();
            if (!amitriptyline.avoid() && amitriptylineInteraction.isPresent()) {
                leftOut.add("amitriptyline (" + amitriptylineInteraction.get().reason() + ")");
            }
            if (!duloxetine.avoid() && duloxetineInteraction.isPresent()) {
                leftOut.add("duloxetine (" + duloxetineInteraction.get().reason() + ")");
            }
            Optional<String> opioid = Interactions.adding("GABAPENTIN", taken, taken.stream()
                    .filter(Formulary::isOpioid).toList()).stream()
                    .filter(f -> f.code().equals(Interactions.GABAPENTINOID_WITH_OPIOID)).findFirst()
                    .map(Interactions.Finding::reason);
            return new NeuropathicAdjuvants(lowDose ? 100 : 300, ceiling,
                    renalSevere ? "PREGABALIN 25 mg a day" : "PREGABALIN 75 mg twice a day",
                    !amitriptyline.avoid() && amitriptylineInteraction.isEmpty(), lowDose,
                    amitriptyline.avoid() ? amitriptyline.reason()
                            : amitriptylineInteraction.map(Interactions.Finding::reason).orElse(""),
                    !duloxetine.avoid() && duloxetineInteraction.isEmpty(),
                    duloxetine.avoid() ? duloxetine.reason()
                            : duloxetineInteraction.map(Interactions.Finding::reason).orElse(""),
                    leftOut, opioid);
        }

        String duloxetineText() {
            return duloxetine ? ", or duloxetine 30 mg" : " (not duloxetine: " + duloxetineReason + ")";
        }

        String gabapentinText() {
            return "gabapentin " + gabapentinMg + " mg at night and titrate (" + ceiling + ")"
                    + besideOpioid.map(why -> ", watching for sedation and " + why + " (FDA 2019)").orElse("");
        }

        String amitriptylineText() {
            return amitriptyline ? ", or amitriptyline 10–25 mg at night" : " (not amitriptyline: " + amitriptylineReason
                    + ")";
        }

        private boolean forInteraction(String drug) {
            return leftOutForInteraction.stream().anyMatch(left -> left.startsWith(drug));
        }

        Advice proposeAndCheck(Advice advice, String moreAlternatives) {
            advice.propose("drug", "GABAPENTIN")
                    .propose("route", "ORAL")
                    .propose("dose", BigDecimal.valueOf(gabapentinMg))
                    .propose("doseUnit", "mg")
                    .propose("frequency", "at night, " + ceiling)
                    .propose("alternatives", pregabalin + (amitriptyline ? "; AMITRIPTYLINE 10–25 mg at night" : "")
                            + moreAlternatives);
            String changes = String.join("; ", Stream.of(
                    lowDose ? "gabapentin started at " + gabapentinMg + " mg, " + ceiling : null,
                    amitriptyline || forInteraction("amitriptyline") ? null
                            : "amitriptyline left out: " + amitriptylineReason,
                    duloxetine || forInteraction("duloxetine") ? null : "duloxetine left out: " + duloxetineReason)
                    .filter(Objects::nonNull).toList());
            if (!changes.isEmpty()) {
                advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, changes);
            }
            String beside = besideOpioid.map(why -> "gabapentin: " + why + " (FDA 2019); start low, titrate slowly, "
                    + "watch for sedation").orElse(null);
            if (!leftOutForInteraction.isEmpty()) {
                advice.check(SafetyCheck.INTERACTION, SafetyCheck.CHANGED, "left out for an interaction with the "
                        + "regimen: " + String.join(", ", leftOutForInteraction) + "; gabapentin or pregabalin does "
                        + "the same work without it" + (beside == null ? "" : "; " + beside));
            } else if (beside != null) {
                advice.check(SafetyCheck.INTERACTION, SafetyCheck.WARNING, beside);
            }
            return advice;
        }
    }

    /** The neuropathic adjuvants of §1.9, none of which has an injectable or rectal form. */
    static final String NOT_BY_MOUTH_ADJUVANTS = "GABAPENTIN, PREGABALIN, AMITRIPTYLINE, DULOXETINE: "
            + NonOral.NO_TABLETS;
    private static final String NEUROPATHIC_UNABLE_TO_SWALLOW = "gabapentin, pregabalin, amitriptyline and "
            + "duloxetine cannot be given: the patient cannot swallow, and none has an injectable or rectal form";
    private static final String LIDOCAINE_PLASTER = "LIDOCAINE_PLASTER 5 %, up to 3 plasters for 12 h a day, for "
            + "localised neuropathic pain on intact skin";
    private static final String TEAM = "palliative-care or pain team if the neuropathic pain persists";

    /**
     * ADJ-01 for a patient who cannot swallow (§8.2): no neuropathic adjuvant is advised as a tablet. What can be
     * given: dexamethasone under the skin where the tumour compresses or infiltrates a nerve (§1.9), a lidocaine
     * plaster for localised pain, the subcutaneous opioid titrated; the specialist team beyond that.
     */
    private static ProposedRecommendation neuropathicWithoutTablets(ClinicalPicture picture, PainAssessment a,
                                                                    PainBand band) {
        return Advice.of(RuleId.ADJ_01, picture)
                .because(mechanism(a) + " pain (" + a.score() + "/10) without an adjuvant: neuropathic pain responds "
                        + "only partly to opioids, but " + NEUROPATHIC_UNABLE_TO_SWALLOW + ". Give dexamethasone "
                        + "4 mg SC once a day in the morning (4–8 mg) where the tumour compresses or infiltrates a "
                        + "nerve; a lidocaine 5 % plaster for localised pain; titrate the subcutaneous opioid; ask the "
                        + TEAM + ". Keep the opioid.")
                .read(a)
                .fact("mechanism", a.mechanism().name())
                .fact("band", band.name())
                .fact("unableToSwallow", true)
                .propose("drug", "DEXAMETHASONE")
                .propose("route", Equianalgesia.SC)
                .propose("dose", BigDecimal.valueOf(4))
                .propose("doseUnit", "mg")
                .propose("frequency", "once a day in the morning (4–8 mg), where the tumour compresses or infiltrates "
                        + "a nerve")
                .propose("alternatives", LIDOCAINE_PLASTER)
                .propose("notByMouth", NOT_BY_MOUTH_ADJUVANTS)
                .propose("referral", TEAM)
                .check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "no gabapentinoid or antidepressant: "
                        + NonOral.NO_TABLETS)
                .build();
    }

    private static ProposedRecommendation neuropathic(ClinicalPicture picture, PainAssessment a, PainBand band) {
        if (picture.cannotSwallow()) {
            return neuropathicWithoutTablets(picture, a, band);
        }
        NeuropathicAdjuvants adjuvants = NeuropathicAdjuvants.of(picture);
        Advice advice = Advice.of(RuleId.ADJ_01, picture)
                .because(mechanism(a) + " pain (" + a.score() + "/10) without an adjuvant: neuropathic pain responds "
                        + "only partly to opioids. Add " + adjuvants.gabapentinText() + ", or "
                        + adjuvants.pregabalin().toLowerCase(Locale.ROOT) + adjuvants.amitriptylineText()
                        + adjuvants.duloxetineText() + "; dexamethasone if nerve compression is suspected. Keep the "
                        + "opioid. "
                        + "(ESMO 2018 and EAPC 2012 recommend this; WHO 2018 found the evidence insufficient.)")
                .read(a)
                .fact("mechanism", a.mechanism().name())
                .fact("band", band.name());
        return adjuvants.proposeAndCheck(advice, (adjuvants.duloxetine() ? "; DULOXETINE 30 mg/day" : "")
                + "; DEXAMETHASONE if nerve compression").build();
    }

    private static ProposedRecommendation bone(ClinicalPicture picture, PainAssessment a, PainBand band) {
        var bands = picture.snapshot().organFunctionBands();
        boolean nsaidScheduled = NSAIDS.stream().anyMatch(picture.regimen()::isScheduled);
        Optional<String> nsaidBarred = picture.nsaidBarred();
        boolean nsaidOk = nsaidBarred.isEmpty();
        OrganFunction.Judgement zoledronic = OrganFunction.judge("ZOLEDRONIC_ACID", bands);
        String why = a.site() == PainSite.BONE_DIFFUSE ? "Bone pain" : "Pain with bone metastases";
        boolean cannotSwallow = picture.cannotSwallow();
        String dexamethasone = cannotSwallow ? "dexamethasone 4–8 mg SC once a day" : "dexamethasone";
        String nsaidText = cannotSwallow ? (nsaidOk ? "The patient cannot swallow: an NSAID as "
                + NonOral.RECTAL_NSAID_TEXT + " if safe and/or " + dexamethasone + "; "
                : "The patient cannot swallow: " + dexamethasone + " (no NSAID: " + nsaidBarred.get() + "); ")
                : nsaidScheduled ? (nsaidOk ? "Keep the NSAID; " : "Stop the NSAID ("
                + nsaidBarred.get() + ") and use dexamethasone; ")
                : nsaidOk ? "Add a regular NSAID if safe and/or dexamethasone; " : "Dexamethasone (no NSAID: "
                + nsaidBarred.get() + "); ";
        String agentText = zoledronic.avoid() ? "denosumab rather than zoledronic acid (" + zoledronic.reason()
                + "; watch calcium)" : zoledronic.caution() ? "denosumab, or zoledronic acid at the label's reduced "
                + "dose (3.0–3.5 mg by CrCl 30–60)" : "a bisphosphonate (zoledronic acid) or denosumab";
        Advice advice = Advice.of(RuleId.ADJ_02, picture)
                .because(why + " (" + a.score() + "/10): bone pain has specific treatments. " + nsaidText + agentText
                        + "; and offer single-fraction palliative radiotherapy (8 Gy × 1) for a localised painful "
                        + "lesion. This is not a refractory case.")
                .read(a)
                .fact("site", a.site() == null ? null : a.site().name())
                .fact("boneMetastases", picture.snapshot().boneMetastases())
                .fact("band", band.name())
                .propose("adjuvant", cannotSwallow ? (nsaidOk ? "DICLOFENAC 50 mg rectally three times a day "
                        + "and/or DEXAMETHASONE 4–8 mg SC once a day" : "DEXAMETHASONE 4–8 mg SC once a day")
                        : nsaidOk ? (nsaidScheduled ? "DEXAMETHASONE" : "NSAID and/or DEXAMETHASONE")
                        : "DEXAMETHASONE")
                .propose("boneTargetedAgent", zoledronic.avoid() ? "DENOSUMAB" : "ZOLEDRONIC_ACID or DENOSUMAB")
                .propose("referral", "PALLIATIVE_RADIOTHERAPY")
                .propose("radiotherapy", "8 Gy × 1");
        if (!nsaidOk || zoledronic.verdict() != OrganFunction.Verdict.FREE) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, String.join("; ", java.util.stream.Stream
                    .of(nsaidOk ? null : "NSAID left out: " + nsaidBarred.get(), zoledronic.avoid() ? "denosumab instead of zoledronic acid: "
                            + zoledronic.reason() : zoledronic.caution() ? zoledronic.reason() : null)
                    .filter(Objects::nonNull).toList()));
        }
        return advice.build();
    }

    private static ProposedRecommendation trigeminal(ClinicalPicture picture, PainAssessment a) {
        if (picture.cannotSwallow()) {
            return Advice.of(RuleId.INT_01, picture)
                    .because("Trigeminal neuralgia (" + a.score() + "/10): opioids help little, and carbamazepine and "
                            + "oxcarbazepine, the first-line drugs, cannot be given: the patient cannot swallow, and "
                            + "neither has an injectable form here. Ask for an urgent neurology or neurosurgical "
                            + "opinion (a nerve block, microvascular decompression, radiosurgery). The ladder "
                            + "continues for the cancer pain.")
                    .read(a)
                    .fact("painCondition", PainCondition.TRIGEMINAL_NEURALGIA.name())
                    .fact("unableToSwallow", true)
                    .propose("notByMouth", "CARBAMAZEPINE, OXCARBAZEPINE: " + NonOral.NO_TABLETS)
                    .propose("referral", "urgent neurology or neurosurgical opinion (nerve block, microvascular "
                            + "decompression, radiosurgery)")
                    .build();
        }
        return Advice.of(RuleId.INT_01, picture)
                .because("Trigeminal neuralgia (" + a.score() + "/10): opioids help little. Carbamazepine is first "
                        + "line (start 100–200 mg twice a day and titrate), oxcarbazepine the alternative; refer for a "
                        + "neurosurgical opinion (microvascular decompression, radiosurgery) when drugs fail or "
                        + "are not "
                        + "tolerated. The ladder continues for the cancer pain.")
                .read(a)
                .fact("painCondition", PainCondition.TRIGEMINAL_NEURALGIA.name())
                .propose("drug", "CARBAMAZEPINE")
                .propose("route", "ORAL")
                .propose("dose", BigDecimal.valueOf(100))
                .propose("doseUnit", "mg")
                .propose("frequency", "twice a day, titrate")
                .propose("alternative", "OXCARBAZEPINE")
                .propose("referral", "neurosurgical opinion if drugs fail or are not tolerated")
                .build();
    }

    /** The neuropathic adjuvant for neuropathic features is the one ADJ-01 and INT-03 give (§8.2 checked). */
    private static ProposedRecommendation zoster(ClinicalPicture picture, PainAssessment a, PainBand band) {
        if (picture.cannotSwallow()) {
            String aciclovir = intravenousAciclovir(picture);
            return Advice.of(RuleId.INT_02, picture)
                    .because("Acute herpes zoster in a patient who cannot swallow: give intravenous aciclovir "
                            + aciclovir + " for 7 days, best within 72 h of rash onset (not valaciclovir or "
                            + "famciclovir, which are oral only). " + CauseRules.symptomaticAnalgesia(picture, band)
                            + " If the pain has neuropathic features: " + NEUROPATHIC_UNABLE_TO_SWALLOW + "; ask the "
                            + TEAM + ".")
                    .read(a)
                    .fact("painCondition", PainCondition.HERPES_ZOSTER_ACUTE.name())
                    .fact("unableToSwallow", true)
                    .propose("treatment", "antiviral: ACICLOVIR IV " + aciclovir + " for 7 days, best within 72 h of "
                            + "rash onset")
                    .propose("symptomaticAnalgesia", CauseRules.symptomaticAnalgesia(picture, band))
                    .propose("notByMouth", NOT_BY_MOUTH_ADJUVANTS)
                    .build();
        }
        NeuropathicAdjuvants adjuvants = NeuropathicAdjuvants.of(picture);
        Advice advice = Advice.of(RuleId.INT_02, picture)
                .because("Acute herpes zoster: start an antiviral (aciclovir, valaciclovir or famciclovir), best "
                        + "within 72 h of rash onset. " + CauseRules.symptomaticAnalgesia(picture, band)
                        + " If the pain has neuropathic features, add " + adjuvants.gabapentinText() + ", or "
                        + adjuvants.pregabalin().toLowerCase(Locale.ROOT) + adjuvants.amitriptylineText() + ".")
                .read(a)
                .fact("painCondition", PainCondition.HERPES_ZOSTER_ACUTE.name())
                .propose("treatment", "antiviral: VALACICLOVIR " + valaciclovir(picture) + " for 7 days (or "
                        + "aciclovir, famciclovir, each at its renal dose), best within 72 h of rash onset")
                .propose("symptomaticAnalgesia", CauseRules.symptomaticAnalgesia(picture, band));
        return adjuvants.proposeAndCheck(advice, "").propose("adjuvantWhen", "neuropathic features").build();
    }

    /** The label's dose by creatinine clearance (Valtrex, herpes zoster): the kidneys clear it. */
    private static String valaciclovir(ClinicalPicture picture) {
        var bands = picture.snapshot().organFunctionBands();
        if (bands.contains(OrganFunctionBand.RENAL_FAILURE)) {
            return "500 mg every 24 h (eGFR < 15 or dialysis: the label's dose below CrCl 10, the cautious one from 10"
                    + " to 14; after the session on haemodialysis)";
        }
        if (bands.contains(OrganFunctionBand.RENAL_SEVERE)) {
            return "1 g every 24 h (CrCl 10–29)";
        }
        if (bands.contains(OrganFunctionBand.RENAL_REDUCED)) {
            return "1 g every 12 h (CrCl 30–49; every 8 h from 50)";
        }
        return "1 g three times a day";
    }

    /**
     * The IV aciclovir label's dose for zoster by creatinine clearance (Zovirax IV: 5 mg/kg every 8 h above 50;
     * every 12 h at 25–50; every 24 h at 10–25; half the dose every 24 h below 10), read at the cautious end of each
     * renal band: aciclovir crystallises in the kidney.
     */
    private static String intravenousAciclovir(ClinicalPicture picture) {
        var bands = picture.snapshot().organFunctionBands();
        if (bands.contains(OrganFunctionBand.RENAL_FAILURE)) {
            return "2.5 mg/kg every 24 h (eGFR < 15 or dialysis; after the session on haemodialysis)";
        }
        if (bands.contains(OrganFunctionBand.RENAL_SEVERE)) {
            return "5 mg/kg every 24 h (CrCl 10–25; every 12 h from 26)";
        }
        if (bands.contains(OrganFunctionBand.RENAL_REDUCED)) {
            return "5 mg/kg every 12 h (CrCl 25–50; every 8 h from 51)";
        }
        return "5 mg/kg every 8 h (ideal body weight), well hydrated";
    }

    private static ProposedRecommendation postherpetic(ClinicalPicture picture, PainAssessment a) {
        if (picture.cannotSwallow()) {
            return Advice.of(RuleId.INT_03, picture)
                    .because("Postherpetic neuralgia (" + a.score() + "/10) without a neuropathic adjuvant: "
                            + NEUROPATHIC_UNABLE_TO_SWALLOW + ". Apply a lidocaine 5 % plaster over the painful area "
                            + "(up to 3 plasters for 12 h a day), or a capsaicin 8 % patch applied in clinic; ask the "
                            + TEAM + ".")
                    .read(a)
                    .fact("painCondition", PainCondition.POSTHERPETIC_NEURALGIA.name())
                    .fact("unableToSwallow", true)
                    .propose("drug", "LIDOCAINE_PLASTER")
                    .propose("route", "TOPICAL")
                    .propose("dose", BigDecimal.valueOf(700))
                    .propose("doseUnit", "mg")
                    .propose("frequency", "up to 3 plasters for 12 h a day, then 12 h without")
                    .propose("alternatives", "CAPSAICIN_PATCH 8 %, applied in clinic, repeated every 90 days")
                    .propose("notByMouth", NOT_BY_MOUTH_ADJUVANTS)
                    .propose("referral", TEAM)
                    .check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "no gabapentinoid or antidepressant: "
                            + NonOral.NO_TABLETS)
                    .build();
        }
        NeuropathicAdjuvants adjuvants = NeuropathicAdjuvants.of(picture);
        Advice advice = Advice.of(RuleId.INT_03, picture)
                .because("Postherpetic neuralgia (" + a.score() + "/10) without a neuropathic adjuvant: "
                        + adjuvants.gabapentinText() + ", or " + adjuvants.pregabalin().toLowerCase(Locale.ROOT)
                        + adjuvants.amitriptylineText() + "; for localised pain a lidocaine 5 % plaster or a capsaicin "
                        + "8 % patch.")
                .read(a)
                .fact("painCondition", PainCondition.POSTHERPETIC_NEURALGIA.name());
        return adjuvants.proposeAndCheck(advice, "; topical LIDOCAINE 5 % plaster or CAPSAICIN 8 % patch").build();
    }

    /** The epidural steroid injection is checked against §3.4's epidural column, as the refractory candidates are. */
    private static ProposedRecommendation radicular(ClinicalPicture picture, PainAssessment a, RegimenFacts regimen) {
        boolean nsaid = NSAIDS.stream().anyMatch(regimen::isScheduled);
        Optional<String> nsaidBarred = picture.nsaidBarred();
        boolean safe = nsaidBarred.isEmpty();
        InterventionAdvisor.Contraindications contraindications = InterventionAdvisor.contraindications(
                InterventionType.Family.NEURAXIAL, picture.snapshot().contraindications());
        boolean epidural = contraindications.absolute().isEmpty();
        Advice advice = Advice.of(RuleId.INT_04, picture)
                .because("Radicular pain from disc herniation (" + a.score() + "/10): "
                        + (!safe ? "no NSAID (" + nsaidBarred.get() + "); " : picture.cannotSwallow()
                        ? "an NSAID as " + NonOral.RECTAL_NSAID_TEXT + " if safe, as the patient cannot swallow; "
                        : nsaid ? "keep the NSAID; " : "an NSAID if safe; ")
                        + (epidural ? "refer for an epidural steroid injection if the radicular pain persists; "
                        : "no epidural steroid injection (contraindicated by " + words(contraindications.absolute())
                        + ", clinical-rules §3.4); ")
                        + "an urgent surgical opinion with red flags (cauda equina symptoms, progressive motor "
                        + "deficit).")
                .read(a)
                .fact("painCondition", PainCondition.DISC_HERNIATION_RADICULOPATHY.name())
                .propose("treatment", !safe ? "no NSAID" : picture.cannotSwallow()
                        ? "DICLOFENAC 50 mg rectally three times a day if safe" : nsaid ? "continue NSAID"
                        : "NSAID if safe")
                .propose("referral", epidural ? "epidural steroid injection; urgent surgical opinion with red flags"
                        : "urgent surgical opinion with red flags");
        if (!epidural) {
            advice.propose("contraindicatedBy", names(contraindications.absolute()));
        }
        return advice.build();
    }

    /**
     * Advice that names a drug class the regimen now schedules has been carried out (ADJ-01 and INT-03 a neuropathic
     * adjuvant, INT-01 carbamazepine or oxcarbazepine): a regimen change withdraws it.
     */
    static boolean satisfiedBy(RuleId rule, RegimenFacts regimen) {
        return switch (rule) {
            case ADJ_01, INT_03 -> NEUROPATHIC_ADJUVANTS.stream().anyMatch(regimen::isScheduled);
            case INT_01 -> TRIGEMINAL_FIRST_LINE.stream().anyMatch(regimen::isScheduled);
            default -> false;
        };
    }

    /** RSC-01/02 judge the regimen itself, so they run when it changes (not again at every pain score). */
    static List<ProposedRecommendation> onRegimen(ClinicalPicture picture) {
        List<ProposedRecommendation> advice = new ArrayList<>(rescueCheck(picture));
        laxative(picture).ifPresent(advice::add);
        return advice;
    }

    private static List<ProposedRecommendation> rescueCheck(ClinicalPicture picture) {
        RegimenFacts regimen = picture.regimen();
        Optional<ScheduledDrug> opioid = PrimaryOpioid.of(regimen);
        BigDecimal basis = Equianalgesia.rescueBasisMg(regimen, regimen.omeddMg(), null, null,
                picture.policy().mmeFactorProfile());
        if (opioid.isEmpty() || basis.signum() <= 0) {
            return List.of();
        }
        LadderPolicy policy = picture.policy();
        if (regimen.rescues().isEmpty()) {
            var bands = picture.snapshot().organFunctionBands();
            RescuePlan planned = RescuePlan.forDailyOmedd(basis, opioid.get(), regimen, policy).forPatient(picture);
            // A rescue in another opioid (oral morphine beside a weak opioid) is a new opioid for the patient.
            boolean newOpioid = !planned.drug().equals(opioid.get().code());
            RescuePlan plan = newOpioid ? planned.startedAsNewOpioid(bands, policy) : planned;
            boolean halved = plan.drug().equals(planned.drug()) && !plan.equals(planned);
            String why = OrganFunction.judge(planned.drug(), bands).reason();
            Advice advice = Advice.of(RuleId.RSC_01, picture)
                    .because("A scheduled opioid (" + rescueBasisText(regimen, basis) + ") without a rescue: every "
                            + "opioid regimen needs one for breakthrough pain. Add " + plan.describe()
                            + (halved ? " (half of 15 % of the daily dose, as a new opioid is started: " + why + ")."
                            : " (10–20 % of the daily dose, target 15 %)."))
                    .threshold("rescueFractionMin", policy.rescueFractionMin())
                    .threshold("rescueFractionMax", policy.rescueFractionMax())
                    .threshold("rescueFractionTarget", policy.rescueFractionTarget())
                    .rescue(plan);
            if (halved) {
                advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "rescue " + planned.describe()
                        + " halved to " + plan.singleDose().toPlainString() + " " + plan.unit() + ": " + why);
            } else if (newOpioid && !plan.equals(planned)) {
                advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "rescue " + planned.describe()
                        + " replaced by " + plan.describe() + ": " + why);
            }
            return List.of(advice.build());
        }
        Optional<RescueDose> rescue = Titration.primaryRescue(regimen);
        if (rescue.isEmpty()) {
            return List.of();
        }
        BigDecimal fraction = rescue.get().singleDoseOmeddMg().divide(basis, 4, RoundingMode.HALF_UP);
        boolean byMouth = picture.cannotSwallow() && Equianalgesia.ORAL.equals(rescue.get().route());
        if (!byMouth && fraction.compareTo(policy.rescueFractionMin()) >= 0
                && fraction.compareTo(policy.rescueFractionMax()) <= 0) {
            return List.of();
        }
        RescuePlan plan = RescuePlan.forDailyOmedd(basis, opioid.get(), regimen, policy).forPatient(picture);
        String pct = fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString();
        return List.of(Advice.of(RuleId.RSC_02, picture)
                .because("The rescue dose (" + Advice.drugName(rescue.get().code()) + " "
                        + Advice.dose(rescue.get().singleDose(), rescue.get().unit()) + ") is " + pct + " % of the "
                        + "scheduled " + rescueBasisText(regimen, basis) + (byMouth ? " and is given by mouth, "
                        + "which the patient cannot take: give " + plan.describe() + " instead"
                        : ", outside 10–20 %: rescale to " + plan.describe() + " (15 %)") + ".")
                .threshold("rescueFractionMin", policy.rescueFractionMin())
                .threshold("rescueFractionMax", policy.rescueFractionMax())
                .threshold("rescueFractionTarget", policy.rescueFractionTarget())
                .fact("rescueFraction", fraction)
                .propose("fromRescueDose", DoseSteps.plain(rescue.get().singleDose()))
                .rescue(plan)
                .build());
    }

    /**
     * "OMEDD 60 mg/day", or the figure the rescue is sized from with a buprenorphine patch (75:1) or methadone (4:1,
     * the conservative end of its range) counted in.
     */
    private static String rescueBasisText(RegimenFacts regimen, BigDecimal basis) {
        if (basis.compareTo(regimen.omeddMg()) == 0) {
            return "OMEDD " + DoseSteps.plain(basis).toPlainString() + " mg/day";
        }
        List<String> counted = new ArrayList<>();
        if (regimen.scheduled().stream().anyMatch(ScheduledDrug::isBuprenorphinePatch)) {
            counted.add("the buprenorphine patch counted by the EAPC 75:1 ratio");
        }
        if (regimen.scheduled().stream().anyMatch(drug -> "METHADONE".equals(drug.code()))) {
            counted.add("methadone counted at 4:1, the conservative end of its range (its OMEDD factor is for display"
                    + " only, §2.5)");
        }
        return "oral morphine equivalent " + DoseSteps.plain(basis).toPlainString() + " mg/day, "
                + String.join(" and ", counted);
    }

    private static String mechanism(PainAssessment a) {
        return switch (a.mechanism()) {
            case NEUROPATHIC -> "Neuropathic";
            default -> "Mixed nociceptive and neuropathic";
        };
    }
}
