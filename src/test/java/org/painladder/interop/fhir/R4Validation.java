package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The HL7 validator with the R4 structure definitions (hapi-fhir-validation-resources-r4), as an EHR's integration
 * engine would run it on what painladder answers. Built once: loading the definitions takes seconds.
 */
public final class R4Validation {

    private static FhirValidator validator;

    private R4Validation() {
    }

    /** Every error and fatal message the validator reports for this resource (JSON); empty when it is valid R4. */
    public static synchronized List<String> errors(String resourceJson) {
        if (validator == null) {
            FhirContext context = FhirContext.forR4();
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context), new SnapshotGeneratingValidationSupport(context));
            validator = context.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator.validateWithResult(resourceJson).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::describe).toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
