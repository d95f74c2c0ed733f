package org.painladder.domain.regimen;

import static org.painladder.domain.regimen.DoseUnit.MCG;
import static org.painladder.domain.regimen.DoseUnit.MCG_PER_H;
import static org.painladder.domain.regimen.DoseUnit.MG;
import static org.painladder.domain.regimen.MmeFactor.flat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned, named table of MME factors (mg oral morphine per unit of daily dose) and the ceilings that differ from
 * the formulary's defaults. Every answer names the profile it used ({@link #factorsUsed()}), because the sources
 * disagree (clinical-rules §2.2: hydromorphone 4 or 5, methadone tiered or 4.7, tramadol 0.1 or 0.2) and a clinician
 * must see which table produced a number. Buprenorphine has no factor in any profile (CDC 2022: partial agonist).
 *
 * @param factors    by drug code, then route
 * @param ceilingsMg ceiling daily doses (mg) that replace the formulary's default for this profile
 */
public record FactorProfile(String code, String title, String version, Map<String, Map<Route, MmeFactor>> factors,
                            Map<String, BigDecimal> ceilingsMg) {

    private static final String CDC_2022_TABLE = "CDC 2022 MME table";
    private static final String EAPC_2012 = "EAPC 2012 oral:parenteral ratio";
    /** Display only: never a conversion target (clinical-rules §8.10). */
    public static final String NEURAXIAL_RATIO = "Krames 1996; PACC 2017: intrathecal : epidural : IV : oral morphine"
            + " 1 : 10 : 100 : 300, approximate";

    /** Default: CDC 2022 oral factors and the EAPC 2012 / NCCN parenteral ratios of clinical-rules §2.7. */
    public static final FactorProfile CDC_2022 = new FactorProfile("CDC_2022",
            "CDC 2022 MME table with EAPC 2012 / NCCN parenteral ratios (clinical-rules §2.7)", "2022.1.0",
            Map.ofEntries(
                    Map.entry("CODEINE", Map.of(Route.ORAL, flat("0.15", MG, CDC_2022_TABLE))),
                    Map.entry("DIHYDROCODEINE", Map.of(Route.ORAL,
                            flat("0.25", MG, "CDC/CMS oral MME data file 2017 (not in the CDC 2022 table)"))),
                    Map.entry("TRAMADOL", Map.of(Route.ORAL, flat("0.2", MG, CDC_2022_TABLE))),
                    Map.entry("TAPENTADOL", Map.of(Route.ORAL, flat("0.4", MG, CDC_2022_TABLE))),
                    Map.entry("MORPHINE", Map.of(
                            Route.ORAL, flat("1", MG, CDC_2022_TABLE),
                            Route.SC, flat("2", MG, EAPC_2012 + " 2:1"),
                            Route.IV, flat("3", MG, EAPC_2012 + " 3:1 / NCCN table"),
                            Route.EPIDURAL, flat("30", MG, NEURAXIAL_RATIO),
                            Route.INTRATHECAL, flat("300", MG, NEURAXIAL_RATIO))),
                    Map.entry("OXYCODONE", Map.of(
                            Route.ORAL, flat("1.5", MG, CDC_2022_TABLE),
                            Route.SC, flat("3", MG, "PCF practice, oral:parenteral 2:1 (1.5 x 2)"),
                            Route.IV, flat("3", MG, "PCF practice, oral:parenteral 2:1 (1.5 x 2)"))),
                    Map.entry("HYDROMORPHONE", Map.of(
                            Route.ORAL, flat("5", MG, CDC_2022_TABLE),
                            Route.SC, flat("20", MG, "NCCN/US equianalgesic table: 1.5 mg IV = 30 mg oral morphine"),
                            Route.IV, flat("20", MG, "NCCN/US equianalgesic table: 1.5 mg IV = 30 mg oral morphine"))),
                    Map.entry("HYDROCODONE", Map.of(Route.ORAL, flat("1", MG, CDC_2022_TABLE))),
                    Map.entry("OXYMORPHONE", Map.of(Route.ORAL, flat("3", MG, CDC_2022_TABLE))),
                    Map.entry("METHADONE", Map.of(Route.ORAL,
                            flat("4.7", MG, CDC_2022_TABLE + " (display only; conversion to methadone is tiered)"))),
                    Map.entry("FENTANYL", Map.of(
                            Route.TRANSDERMAL, flat("2.4", MCG_PER_H, CDC_2022_TABLE + ", per mcg/h of patch"),
                            Route.SC, flat("0.3", MCG, "100 mcg parenteral fentanyl = 10 mg IV morphine"),
                            Route.IV, flat("0.3", MCG, "100 mcg parenteral fentanyl = 10 mg IV morphine")))),
            Map.of());

    /** The 2016 guideline's table as the opioid-cds-r4 CQL encodes it: hydromorphone 4, methadone tiered (§2.2). */
    public static final FactorProfile CDC_2016 = CDC_2022.derive("CDC_2016",
            "CDC 2016 'Calculating total daily dose' (hydromorphone 4, tiered methadone), CDC/CMS data file for"
                    + " tramadol, EAPC 2012 / NCCN parenteral ratios", "2016.1.0",
            Map.of("HYDROMORPHONE", Map.of(Route.ORAL, flat("4", MG, "CDC 2016 MME table")),
                    "TRAMADOL", Map.of(Route.ORAL, flat("0.1", MG, "CDC/CMS oral MME data file 2017")),
                    "METHADONE", Map.of(Route.ORAL, new MmeFactor(new BigDecimal("4"), MG,
                            "CDC 2016 tiered methadone: 4 / 8 / 10 / 12 for 1-20 / 21-40 / 41-60 / >=61 mg/d",
                            List.of(new MmeFactor.Tier(new BigDecimal("20"), new BigDecimal("4")),
                                    new MmeFactor.Tier(new BigDecimal("40"), new BigDecimal("8")),
                                    new MmeFactor.Tier(new BigDecimal("60"), new BigDecimal("10")),
                                    new MmeFactor.Tier(null, new BigDecimal("12")))))),
            Map.of());

    /** UK Palliative Care Formulary practice: parenteral hydromorphone 10, weak opioids 1/10, codeine ceiling 240. */
    public static final FactorProfile UK_PCF = CDC_2022.derive("UK_PCF",
            "UK Palliative Care Formulary / BNF ratios (weak opioids 1:10, parenteral hydromorphone 10), otherwise"
                    + " CDC 2022", "2022.1.0",
            Map.of("CODEINE", Map.of(Route.ORAL, flat("0.1", MG, "PCF/BNF codeine:morphine 10:1")),
                    "DIHYDROCODEINE", Map.of(Route.ORAL, flat("0.1", MG, "PCF/BNF dihydrocodeine:morphine 10:1")),
                    "TRAMADOL", Map.of(Route.ORAL, flat("0.1", MG, "PCF/BNF tramadol:morphine 10:1")),
                    "HYDROMORPHONE", Map.of(
                            Route.SC, flat("10", MG, "EAPC 2012 / PCF oral:parenteral 2:1 (5 x 2)"),
                            Route.IV, flat("10", MG, "EAPC 2012 / PCF oral:parenteral 2:1 (5 x 2)"))),
            Map.of("CODEINE", new BigDecimal("240")));

    /**
     * §2.3, §2.7: parenteral fentanyl given by the clock (a continuous infusion, or doses around the clock) counts as a
     * patch of its average mcg/h (2.4 per mcg/h, so 0.1 per mcg of the day's dose); its 0.3 per mcg is for single or
     * as-needed bolus doses and would triple the OMEDD of the same daily amount (§8.1: same exposure, same OMEDD).
     */
    private static final String INFUSION_AS_PATCH = "2.4 per mcg/h of the average rate over the day: infusion mcg/h ="
            + " patch mcg/h (EAPC 2012)";
    private static final Map<String, Map<Route, MmeFactor>> CONTINUOUS_INFUSION = Map.of("FENTANYL", Map.of(
            Route.SC, flat("0.1", MCG, INFUSION_AS_PATCH), Route.IV, flat("0.1", MCG, INFUSION_AS_PATCH)));

    public FactorProfile {
        factors = Map.copyOf(factors);
        ceilingsMg = Map.copyOf(ceilingsMg);
    }

    public static List<FactorProfile> all() {
        return List.of(CDC_2022, CDC_2016, UK_PCF);
    }

    public static Optional<FactorProfile> byCode(String code) {
        return all().stream().filter(profile -> profile.code.equals(code)).findFirst();
    }

    /** The name and version every answer carries, e.g. "CDC_2022 v2022.1.0". */
    public String factorsUsed() {
        return code + " v" + version;
    }

    public Optional<MmeFactor> factor(String drugCode, Route route) {
        return Optional.ofNullable(factors.getOrDefault(drugCode, Map.of()).get(route));
    }

    /**
     * The factor for a daily amount given by the clock (a continuous infusion, a PCA's basal rate, scheduled doses) of
     * this drug by this route; the bolus factor of {@link #factor} is for single and as-needed doses.
     */
    public Optional<MmeFactor> continuousInfusionFactor(String drugCode, Route route) {
        Optional<MmeFactor> infusion = Optional.ofNullable(CONTINUOUS_INFUSION.getOrDefault(drugCode, Map.of())
                .get(route));
        return infusion.isPresent() ? infusion : factor(drugCode, route);
    }

    public Map<Route, MmeFactor> factorsFor(String drugCode) {
        return factors.getOrDefault(drugCode, Map.of());
    }

    private FactorProfile derive(String newCode, String newTitle, String newVersion,
                                 Map<String, Map<Route, MmeFactor>> changedFactors, Map<String, BigDecimal> ceilings) {
        Map<String, Map<Route, MmeFactor>> merged = new HashMap<>(factors);
        changedFactors.forEach((drug, byRoute) -> {
            Map<Route, MmeFactor> routes = new HashMap<>(merged.getOrDefault(drug, Map.of()));
            routes.putAll(byRoute);
            merged.put(drug, Map.copyOf(routes));
        });
        return new FactorProfile(newCode, newTitle, newVersion, merged, ceilings);
    }
}
