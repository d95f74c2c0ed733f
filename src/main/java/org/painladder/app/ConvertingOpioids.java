package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.OpioidConversion;
import org.painladder.domain.regimen.Validated;

/** An opioid rotation worked out under the configured factor profile; nothing is stored. */
@ApplicationScoped
public class ConvertingOpioids {

    private final Formulary formulary;

    ConvertingOpioids(Formulary formulary) {
        this.formulary = formulary;
    }

    public OpioidConversion convert(OpioidConversion.Request request) {
        Validated<OpioidConversion> conversion = OpioidConversion.calculate(request, formulary);
        if (conversion instanceof Validated.Invalid<OpioidConversion> refused) {
            throw new ClinicalValidationException(refused.violations().stream()
                    .map(v -> new ClinicalValidationException.Violation(v.field(), v.message())).toList());
        }
        return ((Validated.Valid<OpioidConversion>) conversion).value();
    }
}
