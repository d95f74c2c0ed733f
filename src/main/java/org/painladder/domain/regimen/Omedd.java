package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The oral morphine equivalent daily dose of a regimen: scheduled lines ({@code scheduledMg}, the patient's
 * {@code omeddMg}) apart from PRN lines at their daily maximum ({@code prnMg}), each the sum of its rounded
 * contributions so the total can be checked line by line.
 */
public record Omedd(BigDecimal scheduledMg, BigDecimal prnMg, List<Contribution> contributions, String factorsUsed) {

    public Omedd {
        contributions = List.copyOf(contributions);
    }

    public static Omedd of(Regimen regimen, Formulary formulary) {
        List<Contribution> contributions = new ArrayList<>();
        for (int index = 0; index < regimen.items().size(); index++) {
            RegimenItem item = regimen.items().get(index);
            if (item.isOpioid() || item.route().isNeuraxial()) {
                contributions.addAll(LineOmedd.of(index, item,
                        formulary.factor(item.drug(), item.route()).orElse(null),
                        formulary.profile().continuousInfusionFactor(item.drug().code(), item.route()).orElse(null)));
            }
        }
        return new Omedd(total(contributions, false), total(contributions, true), contributions,
                formulary.profile().factorsUsed());
    }

    private static BigDecimal total(List<Contribution> contributions, boolean prn) {
        return Amounts.rounded(contributions.stream().filter(contribution -> contribution.prn() == prn)
                .map(Contribution::omeddMg).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
