package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.regimen.DoseSteps;

/** Builds one recommendation: rule, plain-words rationale (with the §6.8 acute caution), evidence and proposal. */
final class Advice {

    /** §6.8: said whenever the latest assessment is acute pain. */
    static final String ACUTE_CAUTION = "Acute pain: do not massage the acutely painful site. Inflammatory pain of "
            + "infectious origin needs antibacterial treatment (CAU-01); non-infectious inflammatory pain can be "
            + "treated with analgesics (CAU-02).";

    private final RuleId rule;
    private final ClinicalPicture picture;
    private final List<PainAssessment> assessments = new ArrayList<>();
    private final Map<String, Object> thresholds = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> proposal = new LinkedHashMap<>();
    private final Map<String, SafetyCheck> checks = new LinkedHashMap<>();
    private String rationale = "";
    private String rescueNote = "";

    private Advice(RuleId rule, ClinicalPicture picture) {
        this.rule = rule;
        this.picture = picture;
    }

    static Advice of(RuleId rule, ClinicalPicture picture) {
        return new Advice(rule, picture);
    }

    Advice because(String text) {
        this.rationale = text;
        return this;
    }

    Advice read(List<PainAssessment> read) {
        read.stream().filter(a -> !assessments.contains(a)).forEach(assessments::add);
        return this;
    }

    Advice read(PainAssessment read) {
        return read(List.of(read));
    }

    Advice threshold(String name, Object value) {
        thresholds.put(name, value);
        return this;
    }

    Advice fact(String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
        return this;
    }

    Advice propose(String key, Object value) {
        if (value != null) {
            proposal.put(key, value);
        }
        return this;
    }

    /** A change of a scheduled daily dose: direction (UP | DOWN), drug, route, from and to, with the unit. */
    Advice doseChange(String direction, ScheduledDrug drug, BigDecimal toDailyDose) {
        boolean pump = DoseSteps.byPump(drug.route());
        return propose("direction", direction)
                .propose("drug", drug.code())
                .propose("route", drug.route())
                .propose("fromDailyDose", DoseSteps.plain(drug.dailyDose()))
                .propose("toDailyDose", toDailyDose)
                .propose("unit", drug.unit())
                .propose("fromRatePerHour", pump ? DoseSteps.perHour(drug.dailyDose()) : null)
                .propose("toRatePerHour", pump ? DoseSteps.perHour(toDailyDose) : null);
    }

    /** A new regular oral prescription in mg: the single dose, how often, and the daily total. */
    Advice prescription(String drug, int dose, String frequency, int dailyDose) {
        return prescription(drug, Equianalgesia.ORAL, dose, frequency, dailyDose);
    }

    /** A new regular prescription in mg by this route. */
    Advice prescription(String drug, String route, int dose, String frequency, int dailyDose) {
        return propose("drug", drug)
                .propose("route", route)
                .propose("dose", BigDecimal.valueOf(dose))
                .propose("doseUnit", "mg")
                .propose("frequency", frequency)
                .propose("toDailyDose", BigDecimal.valueOf(dailyDose))
                .propose("unit", "mg");
    }

    /** A §8.1 check this rule ran itself (it replaces the generic one; two findings of one result are joined). */
    Advice check(String check, String result, String detail) {
        SafetyCheck earlier = checks.get(check);
        checks.put(check, earlier != null && earlier.result().equals(result)
                ? new SafetyCheck(check, result, earlier.detail() + "; " + detail)
                : new SafetyCheck(check, result, detail));
        return this;
    }

    /**
     * "Keep the non-opioid" never keeps an NSAID the patient must stop ({@link ClinicalPicture#nsaidBarred}): the
     * proposal names the NSAID to hold and says why.
     */
    private String heldNsaid() {
        if (!Boolean.TRUE.equals(proposal.get("keepNonOpioid"))) {
            return "";
        }
        Optional<String> barred = picture.nsaidBarred();
        Optional<String> nsaid = CoAdviceRules.NSAIDS.stream().filter(picture.regimen()::isScheduled).sorted()
                .findFirst().filter(code -> barred.isPresent());
        if (nsaid.isEmpty()) {
            return "";
        }
        String why = barred.get();
        proposal.put("holdNsaid", nsaid.get());
        check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "hold " + drugName(nsaid.get()) + ": " + why);
        return " Hold " + drugName(nsaid.get()) + " (" + why + "); keep the other non-opioids.";
    }

    /**
     * "Keep the non-opioid" for a patient who cannot swallow says how it is given now ({@link NonOral#keptNonOpioid}).
     */
    private String keptNonOpioid() {
        if (!Boolean.TRUE.equals(proposal.get("keepNonOpioid"))) {
            return "";
        }
        return NonOral.keptNonOpioid(picture).map(how -> {
            proposal.put("nonOpioid", how);
            return " The non-opioid cannot be taken by mouth now: " + how + ".";
        }).orElse("");
    }

    /**
     * The rescue as the patient can take it ({@link RescuePlan#forPatient}: under the skin when they cannot swallow,
     * at a longer interval in a caution band), in another opioid when the organ-function bands say to avoid the
     * planned one (§8.2).
     */
    Advice rescue(RescuePlan planned) {
        RescuePlan plan = planned.forPatient(picture);
        RescuePlan safe = plan.avoiding(picture.snapshot().organFunctionBands(), picture.policy());
        if (!safe.equals(plan)) {
            String reason = OrganFunction.judge(plan.drug(), picture.snapshot().organFunctionBands()).reason();
            rescueNote = " Rescue as " + safe.describe() + " instead of " + Advice.drugName(plan.drug()) + " ("
                    + reason + ").";
            check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "rescue " + plan.describe() + " replaced by "
                    + safe.describe() + ": " + reason);
        }
        safe.addTo(proposal);
        return this;
    }

    ProposedRecommendation build() {
        String text = rationale + rescueNote + heldNsaid() + keptNonOpioid();
        text = picture.latestIsAcute() ? text + " " + ACUTE_CAUTION : text;
        boolean aboutPatch = SafetyReview.concernsPatch(picture.regimen(), proposal, rule);
        String patchWarning = SafetyReview.patchWarning(picture);
        if (aboutPatch && picture.regimen().patchWithoutTolerance() && !text.contains(patchWarning)) {
            text = text + " " + patchWarning;
        }
        List<UUID> ids = assessments.stream().map(PainAssessment::id).filter(java.util.Objects::nonNull).toList();
        List<Integer> scores = assessments.stream().map(PainAssessment::score).toList();
        BigDecimal omedd = picture.regimen().omeddMg();
        if (!picture.snapshot().organFunctionBands().isEmpty()) {
            facts.putIfAbsent("organFunctionBands", String.join(", ", picture.snapshot().organFunctionBands()
                    .stream().sorted().map(Enum::name).toList()));
        }
        Evidence evidence = new Evidence(ids, scores, omedd, thresholds, facts);
        List<SafetyCheck> safetyChecks = SafetyReview.complete(picture, rule, proposal, checks, aboutPatch);
        return new ProposedRecommendation(rule.type(), rule, LadderPolicy.RULES_VERSION, text, evidence, proposal,
                safetyChecks);
    }

    /** The adverse effects of an assessment as charted: "RESPIRATORY_DEPRESSION MILD, NAUSEA SEVERE". */
    static String effects(PainAssessment assessment) {
        return String.join(", ", assessment.adverseEffects().stream()
                .map(e -> e.type().name() + " " + e.severity().name()).toList());
    }

    static String drugName(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    static String dose(BigDecimal amount, String unit) {
        return DoseSteps.plain(amount).toPlainString() + " " + unit;
    }

    static String daily(BigDecimal amount, String unit) {
        return "mcg/h".equals(unit) ? dose(amount, unit) : dose(amount, unit) + "/day";
    }
}
