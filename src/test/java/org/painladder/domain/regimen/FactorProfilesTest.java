package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sources disagree (clinical-rules §2.2, §2.3, §7.3); each profile says which numbers it uses. */
class FactorProfilesTest {

    @Test
    void eachProfileIsNamedAndVersionedInItsAnswers() {
        assertEquals(List.of("CDC_2022 v2022.1.0", "CDC_2016 v2016.1.0", "UK_PCF v2022.1.0"),
                FactorProfile.all().stream().map(FactorProfile::factorsUsed).toList());
        assertEquals(FactorProfile.UK_PCF, FactorProfile.byCode("UK_PCF").orElseThrow());
        assertTrue(FactorProfile.byCode("CDC_2030").isEmpty());
    }

    @Test
    void cdc2016HasHydromorphoneAtFour() {
        assertEquals(mg("96.00"), omedd(FactorProfile.CDC_2016, oral("HYDROMORPHONE", "4", 6)));
        assertEquals(mg("120.00"), omedd(FactorProfile.CDC_2022, oral("HYDROMORPHONE", "4", 6)));
    }

    @Test
    void ukProfileUsesTenForParenteralHydromorphoneAndATenthForWeakOpioids() {
        assertEquals(mg("30.00"), omedd(FactorProfile.UK_PCF, scheduled("HYDROMORPHONE", "SC", "0.5", "mg", 6)));
        assertEquals(mg("60.00"), omedd(FactorProfile.CDC_2022, scheduled("HYDROMORPHONE", "SC", "0.5", "mg", 6)));
        assertEquals(mg("40.00"), omedd(FactorProfile.UK_PCF, oral("TRAMADOL", "100", 4)));
        assertEquals(mg("24.00"), omedd(FactorProfile.UK_PCF, oral("DIHYDROCODEINE", "60", 4)));
        assertEquals(mg("24.00"), omedd(FactorProfile.UK_PCF, oral("CODEINE", "60", 4)));
    }

    @Test
    void formularyPublishesEveryDrugTheRulesName() {
        Formulary formulary = RegimenFixtures.CDC_2022;
        for (String code : List.of("PARACETAMOL", "IBUPROFEN", "NAPROXEN", "DICLOFENAC", "CELECOXIB", "KETOROLAC",
                "METAMIZOLE", "ACETYLSALICYLIC_ACID", "CODEINE", "DIHYDROCODEINE", "TRAMADOL", "TAPENTADOL",
                "MORPHINE", "OXYCODONE", "HYDROMORPHONE", "HYDROCODONE", "OXYMORPHONE", "METHADONE", "FENTANYL",
                "BUPRENORPHINE", "GABAPENTIN", "PREGABALIN", "AMITRIPTYLINE", "DULOXETINE", "DEXAMETHASONE",
                "CARBAMAZEPINE", "OXCARBAZEPINE", "ZOLEDRONIC_ACID", "DENOSUMAB", "HYOSCINE_BUTYLBROMIDE", "SENNA",
                "MACROGOL", "LIDOCAINE_PLASTER", "CAPSAICIN_PATCH")) {
            assertTrue(formulary.find(code).isPresent(), code);
        }
        assertEquals(DrugClass.STRONG_OPIOID, formulary.find("TAPENTADOL").orElseThrow().drugClass());
        assertEquals(AdjuvantRole.OPIOID_INDUCED_CONSTIPATION, formulary.find("SENNA").orElseThrow().adjuvantRole());
        assertEquals(mg("360"), formulary.find("CODEINE").orElseThrow().ceilingDailyDoseMg());
        assertEquals(mg("240"), new Formulary(FactorProfile.UK_PCF).find("CODEINE").orElseThrow()
                .ceilingDailyDoseMg());
    }

    private static BigDecimal omedd(FactorProfile profile, ProposedItem item) {
        Formulary formulary = new Formulary(profile);
        return Omedd.of(regimen(formulary, item), formulary).scheduledMg();
    }
}
