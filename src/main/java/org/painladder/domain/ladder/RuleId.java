package org.painladder.domain.ladder;

import static org.painladder.domain.ladder.RecommendationType.ADD_ADJUVANT;
import static org.painladder.domain.ladder.RecommendationType.ADJUST_RESCUE_DOSE;
import static org.painladder.domain.ladder.RecommendationType.ESCALATE_TO_STEP_2;
import static org.painladder.domain.ladder.RecommendationType.ESCALATE_TO_STEP_3;
import static org.painladder.domain.ladder.RecommendationType.MAINTAIN;
import static org.painladder.domain.ladder.RecommendationType.REFER_INTERVENTIONAL;
import static org.painladder.domain.ladder.RecommendationType.ROTATE_OPIOID;
import static org.painladder.domain.ladder.RecommendationType.START_STEP_1;
import static org.painladder.domain.ladder.RecommendationType.STEP_DOWN;
import static org.painladder.domain.ladder.RecommendationType.TITRATE_DOSE;
import static org.painladder.domain.ladder.RecommendationType.TREAT_UNDERLYING_CAUSE;

/**
 * The rules of clinical-rules §6.4, §6.8 and §8, each with the recommendation type it produces, a one-line summary and
 * the source a clinician can look up. {@link #code()} is the id shown in every recommendation ("LAD-06").
 */
public enum RuleId {
    SAF_01(TITRATE_DOSE, "Respiratory depression, or severe sedation (POSS 4 / RASS ≤ −3), on a scheduled opioid: "
            + "hold the next dose, naloxone if RR < 8 or not rousable, restart at −50 %; no escalation or up-titration "
            + "for 24 h", "POSS (Pasero 2009); NCCN adverse-effect management"),
    SAF_02(TITRATE_DOSE, "Moderate sedation (POSS 3) with pain controlled: reduce the scheduled opioid by 25 %, "
            + "reassess in 24 h", "POSS; NCCN"),
    SAF_03(TITRATE_DOSE, "Opioid-induced neurotoxicity (delirium, myoclonus or hallucinations moderate or worse, "
            + "hyperalgesia any) on a scheduled opioid, one report enough: no escalation or up-titration for "
            + "safetyBlockHours, reduce by neurotoxicityReductionPct or rotate at once when severe; look for "
            + "reversible causes", "EAPC 2012 (rotation for neurotoxicity); ESMO 2018; Stone & Minton 2011 "
            + "(Palliat Med 25:431)"),
    ORG_01(ROTATE_OPIOID, "The scheduled opioid is one the patient's organ function says to avoid (morphine, codeine, "
            + "dihydrocodeine or tramadol with eGFR < 30 or dialysis; codeine or tramadol with moderate or severe "
            + "hepatic impairment): switch to the preferred opioid instead of raising it; every proposal naming a "
            + "drug is checked against the ORG table", "EAPC 2012 renal recommendations (King et al. 2011, Palliat "
            + "Med 25:525); Bosilkovska 2012 (Drugs 72:1645); AGS Beers 2023; product labels"),
    TOL_01(ROTATE_OPIOID, "Fentanyl patch in a patient who is not opioid-tolerant (less than 60 mg/day oral morphine "
            + "or equivalent for a week): never titrate the patch up; remove it and titrate an immediate-release "
            + "opioid", "FDA fentanyl patch label; NCCN (opioid-tolerant definition); clinical-rules §1.10, §8.5"),
    RF_01(TREAT_UNDERLYING_CAUSE, "Suspected metastatic spinal cord compression: new back or neck pain, or a new "
            + "neurological deficit or sphincter dysfunction, with bone metastases: whole-spine MRI within 24 h, "
            + "dexamethasone 16 mg/day with gastric protection, urgent oncology and spinal referral",
            "NICE NG234 (2023)"),
    RF_02(TREAT_UNDERLYING_CAUSE, "Possible pathological fracture: a fall or injury, or new severe bone pain on "
            + "movement, with bone metastases: imaging, orthopaedic opinion, immobilise; analgesia for the band",
            "NCCN; NICE NG234"),
    RF_03(TREAT_UNDERLYING_CAUSE, "Fever with cancer pain: follow the local febrile-neutropenia pathway; no NSAID "
            + "until neutropenia is excluded (it masks fever and adds bleeding risk)", "NICE CG151; ESMO febrile "
            + "neutropenia"),
    CAU_01(TREAT_UNDERLYING_CAUSE, "Acute pain of infectious inflammatory origin: antibacterial therapy and source "
            + "control; analgesia for the band, no ladder climb", "NCCN (oncologic emergency: treat the cause "
            + "with analgesia)"),
    CAU_02(TREAT_UNDERLYING_CAUSE, "Acute non-infectious inflammatory pain: NSAID or corticosteroid directed at the "
            + "cause; analgesia for the band", "ESMO 2018 (steroids); WHO 2018 (steroids)"),
    CAU_03(TREAT_UNDERLYING_CAUSE, "Acute traumatic pain at any site: look for the injury and treat it; in bone, "
            + "low back or a limb (possible pathological fracture) imaging and an orthopaedic or radiation-oncology "
            + "opinion; analgesia for the band", "NCCN; ASTRO 2017"),
    CAU_04(TREAT_UNDERLYING_CAUSE, "Acute postoperative pain: multimodal postoperative analgesia; excluded from "
            + "ladder escalation and refractory counting", "APS 2016 postoperative guideline"),
    LAD_01(START_STEP_1, "No analgesic and mild background pain: regular paracetamol and/or an NSAID, by the clock",
            "WHO 1986/1996; ESMO 2018"),
    LAD_02(ESCALATE_TO_STEP_2, "Persistent moderate pain on step 0–1: add a scheduled weak opioid, keep the "
            + "non-opioid, IR rescue", "WHO 1996 (up, not across); ESMO 2018 [III,C]"),
    LAD_03(ESCALATE_TO_STEP_3, "Persistent moderate pain on step 0–1 with the low-dose strong opioid strategy: "
            + "oral morphine ≤ 30 mg/d or oxycodone ≤ 20 mg/d, IR rescue, laxative", "ESMO 2018 [II,C]; Bandieri 2016"),
    LAD_04(ESCALATE_TO_STEP_3, "Severe background pain on step 0–1: skip step 2 and start a strong opioid",
            "WHO 2018; NCCN (opioid-naive titration)"),
    LAD_05(ESCALATE_TO_STEP_3, "Uncontrolled pain on a weak opioid at its ceiling or given for the whole "
            + "escalation window: go up to a strong opioid at the equianalgesic dose, never across",
            "WHO 1996; ESMO 2018"),
    LAD_06(TITRATE_DOSE, "Severe background pain on step 3: raise the scheduled daily dose by titrationPctSevere or "
            + "by the 24 h rescue total, whichever is larger, capped at maxDailyIncreasePct", "NCCN; Fast Fact #20"),
    LAD_07(TITRATE_DOSE, "Persistent moderate background pain on step 3: raise the scheduled daily dose by "
            + "titrationPctModerate or by the 24 h rescue total, capped", "NCCN"),
    LAD_08(TITRATE_DOSE, "Frequent breakthrough pain on step 3 (more than btpEpisodesTitrateThreshold a day on 2 of "
            + "the last 3 days): add the 24 h rescue total to the scheduled dose", "NCCN (> 3–4 rescues a day)"),
    LAD_09(TITRATE_DOSE, "End-of-dose failure on a scheduled opioid: shorten the dosing interval of the "
            + "modified-release product or raise it by the LAD-07 step; not a rescue problem",
            "Davies 2009 (APM breakthrough pain); EAPC 2012"),
    RSC_01(ADJUST_RESCUE_DOSE, "A scheduled opioid without a rescue: add an IR rescue of 10–20 % (target 15 %) of "
            + "the daily dose", "NCCN; WHO 2018 (IR morphine rescue); EAPC"),
    RSC_02(ADJUST_RESCUE_DOSE, "Rescue dose outside 10–20 % of the scheduled daily opioid: rescale to 15 %",
            "NCCN"),
    RSC_03(ADJUST_RESCUE_DOSE, "Incident (movement-related) breakthrough pain: a pre-emptive rescue 20–30 min before "
            + "the known trigger; transmucosal fentanyl only if opioid-tolerant; at a bone site assess fracture risk; "
            + "incident episodes do not raise the background dose", "Davies 2009 (APM breakthrough pain); EAPC 2012"),
    ROT_01(ROTATE_OPIOID, "Dose-limiting adverse effects on the latest two assessments within 72 h: switch strong "
            + "opioid at the equianalgesic dose less rotationReductionPctAdverseEffects", "EAPC 2012; ESMO 2018; NCCN"),
    ROT_02(ROTATE_OPIOID, "Pain uncontrolled after two titrations within 7 days, each followed by a moderate or "
            + "worse adverse effect: switch strong opioid, equianalgesic dose less rotationReductionPct", "EAPC 2012"),
    ROT_03(ROTATE_OPIOID, "Oral opioid while the patient cannot keep oral medicines down: change route (SC first, "
            + "or transdermal)", "WHO 2018 (SC over IM); EAPC 2012"),
    ADJ_01(ADD_ADJUVANT, "Neuropathic or mixed pain without an adjuvant: gabapentin, pregabalin, amitriptyline or "
            + "duloxetine beside the opioid", "ESMO 2018; EAPC 2012 (WHO 2018: insufficient evidence)"),
    ADJ_02(ADD_ADJUVANT, "Moderate or severe bone pain: NSAID and/or dexamethasone, bone-targeted agent, offer "
            + "single-fraction palliative radiotherapy (8 Gy × 1)", "WHO 2018; ASTRO 2017"),
    ADJ_03(ADD_ADJUVANT, "A scheduled opioid without a scheduled laxative: senna ± macrogol by the clock; a "
            + "PAMORA (naloxegol, methylnaltrexone) for refractory constipation", "NCCN; EAPC 2012"),
    MNT_01(MAINTAIN, "Pain controlled on the latest two background scores without a moderate adverse effect: "
            + "continue the regimen", "WHO (for the individual)"),
    STD_01(STEP_DOWN, "Controlled for stepDownStableDays after a cause-directed treatment or with a persistent "
            + "adverse effect: reduce the scheduled opioid by stepDownReductionPct, never an abrupt stop",
            "WHO 2018 (gradual cessation); NCCN"),
    REF_01(REFER_INTERVENTIONAL, "Pain refractory after an adequate, titrated step 3: open a refractory case",
            "Currow 2012; CRPC 2017; Afsharimani 2015; Smith 2002"),
    REF_02(REFER_INTERVENTIONAL, "Open refractory case with pain controlled for 7 days without a procedure: suggest "
            + "closing it (never automatic)", "proposal"),
    INT_01(ADD_ADJUVANT, "Trigeminal neuralgia: carbamazepine first line (oxcarbazepine alternative); neurosurgical "
            + "opinion when drugs fail", "EAN 2019 (Bendtsen et al., Eur J Neurol 26: 831–849); AAN/EFNS 2008"),
    INT_02(TREAT_UNDERLYING_CAUSE, "Acute herpes zoster: antiviral, best within 72 h of rash onset; analgesia for "
            + "the band", "Dworkin et al. 2007, Clin Infect Dis 44 Suppl 1"),
    INT_03(ADD_ADJUVANT, "Postherpetic neuralgia: gabapentinoid or TCA; topical lidocaine 5 % or capsaicin 8 % for "
            + "localised pain", "NeuPSIG, Finnerup et al. 2015, Lancet Neurol 14: 162–173; NICE CG173"),
    INT_04(TREAT_UNDERLYING_CAUSE, "Disc herniation with radiculopathy and moderate pain: NSAID if safe, epidural "
            + "steroid referral, urgent surgical opinion with red flags", "NASS 2012; NICE NG59"),
    INT_05(REFER_INTERVENTIONAL, "Pancreatic or upper-abdominal visceral cancer pain on step 3 with persistent "
            + "moderate or worse pain: refer for coeliac plexus neurolysis now, not only once refractory",
            "ESMO 2018 (CPN for pancreatic cancer pain); Arcidiacono 2011 (Cochrane)");

    private final RecommendationType type;
    private final String summary;
    private final String source;

    RuleId(RecommendationType type, String summary, String source) {
        this.type = type;
        this.summary = summary;
        this.source = source;
    }

    /** The id as clinicians read it: "SAF-01", "LAD-06". */
    public String code() {
        return name().replace('_', '-');
    }

    public RecommendationType type() {
        return type;
    }

    public String summary() {
        return summary;
    }

    public String source() {
        return source;
    }

    /** The rule with this code ("LAD-06"), for reading stored recommendations back. */
    public static RuleId fromCode(String code) {
        return valueOf(code.replace('-', '_'));
    }
}
