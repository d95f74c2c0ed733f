package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Each row of the CDC 2022 table (with the parenteral ratios of §2.7) gives the OMEDD the table says, to 0.01 mg. */
class Cdc2022FactorTableTest {

    private static final String TABLE = "/cdc-2022-mme-table.csv";

    @ParameterizedTest(name = "{0} {1} {2} {3} x{4}: factor {5}, {6} mg/d OMEDD")
    @CsvFileSource(resources = TABLE, numLinesToSkip = 2)
    void omeddFollowsTheTable(String drug, String route, String dose, String unit, int timesPerDay, String factor,
                              String omeddMg) {
        Omedd omedd = Omedd.of(regimen(new ProposedItem(drug, route, new BigDecimal(dose), unit, timesPerDay,
                false)), CDC_2022);
        assertEquals(new BigDecimal(omeddMg), omedd.scheduledMg());
        assertEquals(0, new BigDecimal(factor).compareTo(omedd.contributions().get(0).factor()));
        assertEquals("CDC_2022 v2022.1.0", omedd.factorsUsed());
    }

    @Test
    void theTableCoversEveryOpioidAndRouteOfTheProfile() throws IOException {
        Set<String> inTable = new TreeSet<>();
        try (InputStream csv = getClass().getResourceAsStream(TABLE)) {
            new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().skip(2)
                    .map(line -> line.split(","))
                    .forEach(cells -> inTable.add(cells[0] + " " + cells[1]));
        }
        Set<String> inProfile = new TreeSet<>();
        // Spinal lines are never SCHEDULED; their approximate ratio is checked in DeliveryModeOmeddTest.
        FactorProfile.CDC_2022.factors().forEach((drug, routes) -> routes.keySet().stream()
                .filter(route -> !route.isNeuraxial()).forEach(route -> inProfile.add(drug + " " + route)));
        assertEquals(inProfile, inTable);
    }

    @Test
    void everyOpioidInTheFormularyButBuprenorphineHasAFactorForEachOfItsRoutes() {
        Set<String> missing = new TreeSet<>();
        for (Drug drug : CDC_2022.drugs()) {
            if (drug.isOpioid() && !drug.code().equals("BUPRENORPHINE")) {
                // Only spinal morphine has a published (approximate) ratio (clinical-rules §8.10).
                drug.routeSet().stream().filter(route -> !route.isNeuraxial())
                        .filter(route -> CDC_2022.factor(drug, route).isEmpty())
                        .forEach(route -> missing.add(drug.code() + " " + route));
            }
        }
        assertEquals(Set.of(), missing);
    }
}
