package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A drug the service knows: its class on the ladder, the routes it is given by (each with the unit its doses are
 * written in) and its ceiling daily dose in mg. Strong opioids have no ceiling (adverse effects limit them), so their
 * ceiling is null. MME factors are not here: they belong to the {@link FactorProfile} in force.
 *
 * @param routeCeilingsMg a ceiling that differs by route (ketorolac: 40 mg oral, 120 mg parenteral), else empty
 * @param adjuvantRole    why an adjuvant is given; null for analgesics
 */
public record Drug(
        String code,
        String name,
        DrugClass drugClass,
        Map<Route, DoseUnit> routes,
        BigDecimal ceilingDailyDoseMg,
        Map<Route, BigDecimal> routeCeilingsMg,
        boolean nsaid,
        AdjuvantRole adjuvantRole,
        String note) {

    public Drug {
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        routeCeilingsMg = Map.copyOf(routeCeilingsMg);
    }

    /** The ladder step this drug reaches when scheduled (§1.2), null for adjuvants. */
    public Integer ladderStep() {
        return drugClass.ladderStep();
    }

    public boolean isOpioid() {
        return drugClass.isOpioid();
    }

    public Set<Route> routeSet() {
        return routes.keySet();
    }

    public Optional<DoseUnit> unitFor(Route route) {
        return Optional.ofNullable(routes.get(route));
    }

    /** The maximum daily dose by this route, in mg; empty when the drug has none. */
    public Optional<BigDecimal> ceilingDailyDoseMg(Route route) {
        return Optional.ofNullable(routeCeilingsMg.getOrDefault(route, ceilingDailyDoseMg));
    }

    /** The same drug under another ceiling, as a factor profile prescribes (codeine 240 mg in the UK). */
    public Drug withCeilingDailyDoseMg(BigDecimal ceiling) {
        return new Drug(code, name, drugClass, routes, ceiling, routeCeilingsMg, nsaid, adjuvantRole, note);
    }
}
