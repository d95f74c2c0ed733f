package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.painladder.domain.regimen.OpioidConversionTest.converted;
import static org.painladder.domain.regimen.OpioidConversionTest.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * The fourth outside review (finding 9): a conversion from tramadol to tapentadol listed MU_ACTIVITY_ONLY twice, and
 * the renal line for codeine said "(tramadol also lowers the seizure threshold)". A caution is given once, and the
 * organ-function text about a drug names no other drug.
 */
class OneCautionOneDrugTest {

    @Test
    void tramadolToTapentadolGivesTheMuActivityCautionOnceNamingBoth() {
        List<Caution> mu = converted(request("TRAMADOL", "ORAL", "300", "mg", "TAPENTADOL", "ORAL",
                null)).cautions().stream().filter(c -> c.code().equals("MU_ACTIVITY_ONLY")).toList();
        assertEquals(1, mu.size(), mu.toString());
        assertFalse(!mu.get(0).message().contains("tramadol") || !mu.get(0).message().contains("tapentadol"),
                mu.get(0).message());
    }

    /** Every pair of opioid ends the formulary converts, at a low, a usual and a high dose, in every profile. */
    @Test
    void noConversionGivesTheSameCautionTwice() {
        for (FactorProfile profile : FactorProfile.all()) {
            Formulary formulary = new Formulary(profile);
            List<String[]> ends = new ArrayList<>();
            for (Drug drug : formulary.drugs()) {
                drug.routes().forEach((route, unit) -> {
                    if (drug.isOpioid()) {
                        ends.add(new String[] {drug.code(), route.name(), unit.symbol()});
                    }
                });
            }
            for (String[] from : ends) {
                for (String[] to : ends) {
                    for (String dose : List.of("5", "120", "900")) {
                        Validated<OpioidConversion> result = OpioidConversion.calculate(request(from[0], from[1], dose,
                                from[2], to[0], to[1], "25"), formulary);
                        if (result instanceof Validated.Valid<OpioidConversion> valid) {
                            List<String> codes = valid.value().cautions().stream().map(Caution::code)
                                    .toList();
                            assertEquals(codes.stream().distinct().toList(), codes, profile.code() + " " + from[0]
                                    + " " + from[1] + " " + dose + " -> " + to[0] + " " + to[1]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theRenalLineForCodeineSaysNothingAboutTramadol() {
        String reason = OrganFunctionTable.strictest("CODEINE", EnumSet.of(OrganFunctionBand.RENAL_FAILURE))
                .orElseThrow().reason();
        assertFalse(reason.contains("tramadol"), reason);
        String tramadol = OrganFunctionTable.strictest("TRAMADOL", EnumSet.of(OrganFunctionBand.RENAL_FAILURE))
                .orElseThrow().reason();
        assertFalse(!tramadol.contains("seizure"), "tramadol's own line keeps its seizure risk: " + tramadol);
    }

    /** The class: no line of the ORG table, for any drug in any band, names another drug in its reason or dosing. */
    @Test
    void noOrganFunctionLineNamesAnotherDrug() {
        Formulary formulary = new Formulary(FactorProfile.CDC_2022);
        List<String> codes = new ArrayList<>(formulary.drugs().stream().map(Drug::code).toList());
        codes.addAll(List.of("METOCLOPRAMIDE", "HALOPERIDOL"));
        for (String code : codes) {
            for (OrganFunctionBand band : OrganFunctionBand.values()) {
                for (OrganFunctionAdvice advice : OrganFunctionTable.advice(code, EnumSet.of(band))) {
                    String text = (advice.reason() + " " + (advice.dosing() == null ? "" : advice.dosing()))
                            .toLowerCase(Locale.ROOT);
                    for (String other : codes) {
                        String name = other.toLowerCase(Locale.ROOT).replace('_', ' ');
                        boolean named = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find();
                        assertFalse(!other.equals(code) && named && !sameFamily(code, other), band + " " + code
                                + " names " + name + ": " + text);
                    }
                }
            }
        }
    }

    /** An NSAID line speaks of NSAIDs, whichever NSAID was asked about. */
    private static boolean sameFamily(String a, String b) {
        return OrganFunctionTable.isNsaid(a) && OrganFunctionTable.isNsaid(b);
    }
}
