package org.painladder.app;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;

/** The formulary read through the factor profile configured in {@code painladder.rules.mme-factor-profile}. */
public class FormularyProducer {

    @Produces
    @Singleton
    Formulary formulary(RulesConfig rules) {
        FactorProfile profile = FactorProfile.byCode(rules.mmeFactorProfile()).orElseThrow(() ->
                new IllegalStateException("painladder.rules.mme-factor-profile=" + rules.mmeFactorProfile()
                        + " names no factor profile; use one of " + FactorProfile.all().stream()
                        .map(FactorProfile::code).collect(Collectors.joining(", "))));
        return new Formulary(profile);
    }
}
