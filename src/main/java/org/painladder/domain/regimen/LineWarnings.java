package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The warnings of clinical-rules §8.10 on catheter, infusion and PCA lines. Like every regimen warning they never
 * block a regimen.
 */
public final class LineWarnings {

    public static final String PCA_WITHOUT_4H_MAXIMUM = "PCA_WITHOUT_4H_MAXIMUM";
    public static final String BASAL_INFUSION_OPIOID_NAIVE_POSTOPERATIVE = "BASAL_INFUSION_OPIOID_NAIVE_POSTOPERATIVE";
    public static final String NEURAXIAL_NO_OMEDD = "NEURAXIAL_NO_OMEDD";

    private LineWarnings() {
    }

    /** What the regimen alone shows: a PCA with no 4-hour limit, neuraxial lines left out of the OMEDD. */
    static List<RegimenWarning> of(Regimen regimen, Omedd omedd) {
        List<RegimenWarning> warnings = new ArrayList<>();
        for (int index : lines(regimen, item -> item.mode() == LineMode.PCA && item.maxDosePer4h() == null)) {
            RegimenItem item = regimen.items().get(index);
            warnings.add(new RegimenWarning(PCA_WITHOUT_4H_MAXIMUM, "PCA " + item.drug().name() + " (item " + index
                    + ") has no 4-hour maximum (maxDosePer4h): only the " + item.lockoutMinutes() + "-min lockout"
                    + " limits it, up to " + Amounts.plain(item.demandMaximumPer4h()) + " " + item.unit().symbol()
                    + " per 4 h; set the local protocol's limit", List.of(index),
                    Map.of("lockoutMinutes", BigDecimal.valueOf(item.lockoutMinutes()),
                            "lockoutBoundMaxDosePer4h", item.demandMaximumPer4h())));
        }
        List<Integer> unfactored = omedd.contributions().stream()
                .filter(contribution -> contribution.route().isNeuraxial() && contribution.factor() == null
                        && regimen.items().get(contribution.itemIndex()).isOpioid())
                .map(Contribution::itemIndex).distinct().toList();
        if (!unfactored.isEmpty()) {
            warnings.add(new RegimenWarning(NEURAXIAL_NO_OMEDD, "epidural or intrathecal opioid "
                    + (unfactored.size() == 1 ? "item " : "items ") + String.join(", ",
                    unfactored.stream().map(String::valueOf).toList()) + " counts nothing in the OMEDD: only morphine"
                    + " has a published (approximate) spinal ratio (PACC 2017), so omeddMg understates what the"
                    + " patient receives", unfactored, Map.of()));
        }
        return warnings;
    }

    /**
     * APS 2016 (Chou et al.): no routine basal infusion with IV PCA in opioid-naive adults; it adds respiratory
     * depression without better analgesia.
     *
     * @param opioidNaive   no scheduled opioid in the regimen in force before this one
     * @param postoperative the latest assessment is acute postoperative pain
     */
    public static List<RegimenWarning> basalInOpioidNaivePostoperative(Regimen regimen, boolean opioidNaive,
                                                                       boolean postoperative) {
        if (!opioidNaive || !postoperative) {
            return List.of();
        }
        List<RegimenWarning> warnings = new ArrayList<>();
        for (int index : lines(regimen, item -> item.isOpioid() && item.ratePerHour() != null
                && !item.route().isNeuraxial())) {
            RegimenItem item = regimen.items().get(index);
            warnings.add(new RegimenWarning(BASAL_INFUSION_OPIOID_NAIVE_POSTOPERATIVE, "basal " + item.drug().name()
                    + " " + Amounts.plain(item.ratePerHour()) + " " + item.unit().symbol() + "/h (item " + index
                    + ", " + item.mode() + ") in an opioid-naive postoperative patient: APS 2016 advises no routine"
                    + " basal infusion with PCA (more respiratory depression, no better analgesia); use demand"
                    + " doses only", List.of(index), Map.of("ratePerHour", item.ratePerHour())));
        }
        return warnings;
    }

    private static List<Integer> lines(Regimen regimen, java.util.function.Predicate<RegimenItem> filter) {
        return IntStream.range(0, regimen.items().size()).filter(index -> filter.test(regimen.items().get(index)))
                .boxed().toList();
    }
}
