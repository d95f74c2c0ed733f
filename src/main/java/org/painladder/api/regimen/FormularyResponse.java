package org.painladder.api.regimen;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.regimen.AdjuvantRole;
import org.painladder.domain.regimen.Drug;
import org.painladder.domain.regimen.DrugClass;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.MmeFactor;
import org.painladder.domain.regimen.Route;

/** Every drug the service knows, read through the factor profile in force (api.md "Analgesic regimen"). */
public record FormularyResponse(
        @Schema(description = "Name and version of the factor profile, as every OMEDD answer names it",
                examples = "CDC_2022 v2022.1.0")
        String factorsUsed,
        ProfileBody profile,
        List<DrugBody> drugs) {

    public record ProfileBody(String code, String title, String version) {
    }

    /** One drug; mmeFactors are mg oral morphine per unit of daily dose (per mcg/h for a patch). */
    public record DrugBody(
            String code,
            String name,
            @JsonProperty("class") DrugClass drugClass,
            @Schema(description = "The step a scheduled dose reaches; null for adjuvants") Integer ladderStep,
            List<Route> routes,
            @Schema(description = "The unit a dose is written in, by route: mg, mcg, or mcg/h for patches")
            Map<Route, String> units,
            @Schema(description = "Oral morphine mg per unit of daily dose, by route; empty for non-opioids and"
                    + " buprenorphine. A tiered factor shows its first tier; see mmeFactorDetails")
            Map<Route, BigDecimal> mmeFactors,
            List<FactorBody> mmeFactorDetails,
            @Schema(description = "Maximum daily dose in mg; null when the drug has none (strong opioids)")
            BigDecimal ceilingDailyDoseMg,
            @Schema(description = "Ceilings that differ by route (ketorolac)") Map<Route, BigDecimal> ceilingDailyDoseMgByRoute,
            boolean nsaid,
            AdjuvantRole adjuvantRole,
            String note) {
    }

    public record FactorBody(Route route, BigDecimal factor, String unit, String source, List<MmeFactor.Tier> tiers) {
    }

    public static FormularyResponse of(Formulary formulary) {
        FactorProfile profile = formulary.profile();
        return new FormularyResponse(profile.factorsUsed(),
                new ProfileBody(profile.code(), profile.title(), profile.version()),
                formulary.drugs().stream().map(drug -> drugBody(drug, formulary)).toList());
    }

    private static DrugBody drugBody(Drug drug, Formulary formulary) {
        Map<Route, String> units = new LinkedHashMap<>();
        Map<Route, BigDecimal> factors = new LinkedHashMap<>();
        List<FactorBody> details = new ArrayList<>();
        drug.routes().forEach((route, unit) -> {
            units.put(route, unit.symbol());
            formulary.factor(drug, route).ifPresent(factor -> {
                factors.put(route, factor.factor());
                details.add(new FactorBody(route, factor.factor(), factor.unit().symbol(), factor.source(),
                        factor.tiers()));
            });
        });
        return new DrugBody(drug.code(), drug.name(), drug.drugClass(), drug.ladderStep(),
                List.copyOf(drug.routes().keySet()), units, factors, details, drug.ceilingDailyDoseMg(),
                drug.routeCeilingsMg(), drug.nsaid(), drug.adjuvantRole(), drug.note());
    }
}
