package org.painladder.domain.regimen;

import static org.painladder.domain.regimen.DoseUnit.MCG;
import static org.painladder.domain.regimen.DoseUnit.MCG_PER_H;
import static org.painladder.domain.regimen.DoseUnit.MG;
import static org.painladder.domain.regimen.DrugClass.ADJUVANT;
import static org.painladder.domain.regimen.DrugClass.NON_OPIOID;
import static org.painladder.domain.regimen.DrugClass.STRONG_OPIOID;
import static org.painladder.domain.regimen.DrugClass.WEAK_OPIOID;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every drug named in clinical-rules §1.2, §1.7, §1.9, §2.7 and §6.8, read through one {@link FactorProfile}.
 *
 * <p>Tapentadol is a STRONG_OPIOID on step 3: §1.2 lists it on step 3 ("EU: strong") and only "in some formularies"
 * on step 2; it is a full µ-agonist scheduled like oxycodone, and EU labels give it for severe pain. It keeps its
 * 500 mg label maximum, the one strong opioid with a ceiling, because its noradrenergic action is dose-limited.
 * Hydrocodone counts as strong as in §2.7 (US practice). Laxatives sit in ADJUVANT with the role
 * OPIOID_INDUCED_CONSTIPATION: the api has no supportive-care class, and the role keeps them apart from analgesic
 * adjuvants. Intermittent drugs (zoledronic acid, denosumab, capsaicin patch) have no daily ceiling.
 */
public final class Formulary {

    private static final List<Drug> CATALOGUE = List.of(
            nonOpioid("PARACETAMOL", "paracetamol (acetaminophen)", "4000", false,
                    routes(Route.ORAL, MG, Route.IV, MG, Route.RECTAL, MG),
                    "Sum across all items: combination products hide paracetamol. 3000 mg/d if hepatic impairment,"
                            + " alcohol, <50 kg or frail."),
            nonOpioid("IBUPROFEN", "ibuprofen", "2400", true, routes(Route.ORAL, MG), "NSAID"),
            nonOpioid("NAPROXEN", "naproxen", "1000", true, routes(Route.ORAL, MG), "NSAID"),
            nonOpioid("DICLOFENAC", "diclofenac", "150", true, routes(Route.ORAL, MG, Route.RECTAL, MG), "NSAID"),
            nonOpioid("CELECOXIB", "celecoxib", "400", true, routes(Route.ORAL, MG), "NSAID (COX-2 selective)"),
            new Drug("KETOROLAC", "ketorolac", NON_OPIOID, routes(Route.ORAL, MG, Route.IV, MG, Route.SC, MG),
                    new BigDecimal("40"), Map.of(Route.IV, new BigDecimal("120"), Route.SC, new BigDecimal("120")),
                    true, null, "NSAID; 40 mg/d oral, 120 mg/d parenteral, for no more than 5 days"),
            nonOpioid("METAMIZOLE", "metamizole (dipyrone)", "4000", false, routes(Route.ORAL, MG, Route.IV, MG),
                    "EU only; agranulocytosis risk"),
            nonOpioid("ACETYLSALICYLIC_ACID", "acetylsalicylic acid", "4000", true, routes(Route.ORAL, MG), "NSAID"),
            opioid("CODEINE", "codeine", WEAK_OPIOID, "360", routes(Route.ORAL, MG),
                    "Ceiling 360 mg/d (US, ESMO), 240 mg/d in the UK profile; prodrug via CYP2D6"),
            opioid("DIHYDROCODEINE", "dihydrocodeine", WEAK_OPIOID, "240", routes(Route.ORAL, MG), null),
            opioid("TRAMADOL", "tramadol", WEAK_OPIOID, "400", routes(Route.ORAL, MG),
                    "Seizure risk above 400 mg/d; serotonergic"),
            opioid("TAPENTADOL", "tapentadol", STRONG_OPIOID, "500", routes(Route.ORAL, MG),
                    "Step 3 (EU: strong opioid); label maximum 500 mg/d"),
            opioid("MORPHINE", "morphine", STRONG_OPIOID, null, routes(Route.ORAL, MG, Route.SC, MG, Route.IV, MG,
                            Route.EPIDURAL, MG, Route.INTRATHECAL, MG),
                    "Metabolites accumulate when eGFR < 30 mL/min; epidural and intrathecal doses by specialist"
                            + " protocol (PACC 2017)"),
            opioid("OXYCODONE", "oxycodone", STRONG_OPIOID, null,
                    routes(Route.ORAL, MG, Route.SC, MG, Route.IV, MG), null),
            opioid("HYDROMORPHONE", "hydromorphone", STRONG_OPIOID, null,
                    routes(Route.ORAL, MG, Route.SC, MG, Route.IV, MG, Route.INTRATHECAL, MG),
                    "Intrathecal by specialist protocol (PACC 2017 first line with morphine); no published oral"
                            + " equivalent for the intrathecal route"),
            opioid("HYDROCODONE", "hydrocodone", STRONG_OPIOID, null, routes(Route.ORAL, MG), "US"),
            opioid("OXYMORPHONE", "oxymorphone", STRONG_OPIOID, null, routes(Route.ORAL, MG), null),
            opioid("METHADONE", "methadone", STRONG_OPIOID, null, routes(Route.ORAL, MG),
                    "Specialist only: long, variable half-life; QTc"),
            opioid("FENTANYL", "fentanyl", STRONG_OPIOID, null,
                    routes(Route.TRANSDERMAL, MCG_PER_H, Route.SC, MCG, Route.IV, MCG, Route.EPIDURAL, MCG,
                            Route.INTRATHECAL, MCG),
                    "Patch only for opioid-tolerant patients (>= 60 mg/d OMEDD for a week); epidural (PCEA 2 mcg/mL)"
                            + " and intrathecal by protocol, no published oral equivalent for those routes"),
            opioid("BUPRENORPHINE", "buprenorphine", STRONG_OPIOID, null,
                    routes(Route.TRANSDERMAL, MCG_PER_H, Route.SUBLINGUAL, MCG),
                    "Partial agonist: no MME factor (CDC 2022), so it adds nothing to OMEDD"),
            adjuvant("GABAPENTIN", "gabapentin", "3600", AdjuvantRole.NEUROPATHIC_PAIN, routes(Route.ORAL, MG),
                    "Adjust for renal function"),
            adjuvant("PREGABALIN", "pregabalin", "600", AdjuvantRole.NEUROPATHIC_PAIN, routes(Route.ORAL, MG), null),
            adjuvant("AMITRIPTYLINE", "amitriptyline", "150", AdjuvantRole.NEUROPATHIC_PAIN, routes(Route.ORAL, MG),
                    "Tricyclic; 10-25 mg at night, usually up to 75-100 mg"),
            adjuvant("DULOXETINE", "duloxetine", "120", AdjuvantRole.NEUROPATHIC_PAIN, routes(Route.ORAL, MG),
                    "SNRI; ASCO's choice for chemotherapy-induced neuropathy"),
            adjuvant("CARBAMAZEPINE", "carbamazepine", "1200", AdjuvantRole.TRIGEMINAL_NEURALGIA,
                    routes(Route.ORAL, MG), "First line in trigeminal neuralgia (EAN 2019)"),
            adjuvant("OXCARBAZEPINE", "oxcarbazepine", "2400", AdjuvantRole.TRIGEMINAL_NEURALGIA,
                    routes(Route.ORAL, MG), "Alternative in trigeminal neuralgia (EAN 2019)"),
            adjuvant("DEXAMETHASONE", "dexamethasone", null, AdjuvantRole.CORTICOSTEROID,
                    routes(Route.ORAL, MG, Route.SC, MG, Route.IV, MG),
                    "4-8 mg/d; higher for cord compression"),
            adjuvant("ZOLEDRONIC_ACID", "zoledronic acid (bisphosphonate)", null, AdjuvantRole.BONE_METASTASES,
                    routes(Route.IV, MG), "4 mg IV every 3-4 weeks; record the day it is given"),
            adjuvant("DENOSUMAB", "denosumab", null, AdjuvantRole.BONE_METASTASES, routes(Route.SC, MG),
                    "120 mg SC every 4 weeks; record the day it is given"),
            adjuvant("HYOSCINE_BUTYLBROMIDE", "hyoscine butylbromide", "120", AdjuvantRole.COLICKY_VISCERAL_PAIN,
                    routes(Route.ORAL, MG, Route.SC, MG, Route.IV, MG), "Antispasmodic"),
            adjuvant("SENNA", "senna (sennosides)", null, AdjuvantRole.OPIOID_INDUCED_CONSTIPATION,
                    routes(Route.ORAL, MG), "Stimulant laxative with every regular opioid"),
            adjuvant("MACROGOL", "macrogol 3350", null, AdjuvantRole.OPIOID_INDUCED_CONSTIPATION,
                    routes(Route.ORAL, MG), "Osmotic laxative; a sachet holds 13125 mg"),
            adjuvant("LIDOCAINE_PLASTER", "lidocaine 5 % plaster", "2100", AdjuvantRole.LOCALISED_NEUROPATHIC_PAIN,
                    routes(Route.TOPICAL, MG), "700 mg per plaster, up to 3 plasters for 12 h a day"),
            adjuvant("CAPSAICIN_PATCH", "capsaicin 8 % patch", null, AdjuvantRole.LOCALISED_NEUROPATHIC_PAIN,
                    routes(Route.TOPICAL, MG), "179 mg per patch, up to 4 patches, repeated every 90 days"),
            neuraxial("BUPIVACAINE", "bupivacaine", routes(Route.EPIDURAL, MG, Route.INTRATHECAL, MG),
                    "Local anaesthetic for neuraxial lines (PCEA 0.1 % = 1 mg/mL); no OMEDD"),
            neuraxial("ROPIVACAINE", "ropivacaine", routes(Route.EPIDURAL, MG),
                    "Local anaesthetic for epidural lines (0.1-0.2 %); no OMEDD"),
            neuraxial("CLONIDINE", "clonidine (neuraxial)", routes(Route.EPIDURAL, MCG, Route.INTRATHECAL, MCG),
                    "alpha-2 agonist added to neuraxial opioid for neuropathic cancer pain; hypotension; no OMEDD"),
            neuraxial("ZICONOTIDE", "ziconotide", routes(Route.INTRATHECAL, MCG),
                    "N-type calcium-channel blocker, intrathecal only; start 0.5-1.2 mcg/d, label maximum 19.2 mcg/d;"
                            + " psychiatric adverse effects; no OMEDD"));

    /** Whether a formulary code names an opioid, whatever the profile (interactions need no factor). */
    public static boolean isOpioid(String code) {
        return CATALOGUE.stream().anyMatch(drug -> drug.code().equalsIgnoreCase(code) && drug.isOpioid());
    }

    private final FactorProfile profile;
    private final Map<String, Drug> drugs;

    public Formulary(FactorProfile profile) {
        this.profile = profile;
        Map<String, Drug> byCode = new LinkedHashMap<>();
        for (Drug drug : CATALOGUE) {
            BigDecimal ceiling = profile.ceilingsMg().get(drug.code());
            byCode.put(drug.code(), ceiling == null ? drug : drug.withCeilingDailyDoseMg(ceiling));
        }
        this.drugs = byCode;
    }

    public FactorProfile profile() {
        return profile;
    }

    /** Every drug, non-opioids first, then weak and strong opioids, then adjuvants. */
    public List<Drug> drugs() {
        return List.copyOf(drugs.values());
    }

    /** By code, in any case: "oxycodone" finds OXYCODONE. */
    public Optional<Drug> find(String code) {
        return Optional.ofNullable(drugs.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The factor for this drug and route in the profile in force; empty for non-opioids and buprenorphine. */
    public Optional<MmeFactor> factor(Drug drug, Route route) {
        return profile.factor(drug.code(), route);
    }

    private static Map<Route, DoseUnit> routes(Object... routeThenUnit) {
        Map<Route, DoseUnit> routes = new LinkedHashMap<>();
        for (int i = 0; i < routeThenUnit.length; i += 2) {
            routes.put((Route) routeThenUnit[i], (DoseUnit) routeThenUnit[i + 1]);
        }
        return routes;
    }

    private static BigDecimal mg(String ceiling) {
        return ceiling == null ? null : new BigDecimal(ceiling);
    }

    private static Drug nonOpioid(String code, String name, String ceiling, boolean nsaid, Map<Route, DoseUnit> routes,
                                  String note) {
        return new Drug(code, name, NON_OPIOID, routes, mg(ceiling), Map.of(), nsaid, null, note);
    }

    private static Drug opioid(String code, String name, DrugClass drugClass, String ceiling,
                               Map<Route, DoseUnit> routes, String note) {
        return new Drug(code, name, drugClass, routes, mg(ceiling), Map.of(), false, null, note);
    }

    /** Non-opioids given only through spinal lines (§8.10): they set no ladder step and have no OMEDD. */
    private static Drug neuraxial(String code, String name, Map<Route, DoseUnit> routes, String note) {
        return new Drug(code, name, ADJUVANT, routes, null, Map.of(), false, AdjuvantRole.NEURAXIAL_ANALGESIA, note);
    }

    private static Drug adjuvant(String code, String name, String ceiling, AdjuvantRole role,
                                 Map<Route, DoseUnit> routes, String note) {
        return new Drug(code, name, ADJUVANT, routes, mg(ceiling), Map.of(), false, role, note);
    }
}
