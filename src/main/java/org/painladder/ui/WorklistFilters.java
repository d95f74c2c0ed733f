package org.painladder.ui;

import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.List;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.persistence.Page;
import org.painladder.persistence.WorklistQuery;

/**
 * The worklist's filters as the team chose them (blank: any), the choices each offers, and the links to the pages
 * before and after with the same filters.
 */
public record WorklistFilters(String status, String site, String primarySite, String intervention, String sort,
                              int size) {

    public List<String> statuses() {
        return names(CaseStatus.values());
    }

    public List<String> sites() {
        return names(PainSite.values());
    }

    public List<String> primarySites() {
        return names(PrimarySite.values());
    }

    public List<String> interventions() {
        return names(InterventionType.values());
    }

    public List<String> outcomes() {
        return names(CaseOutcome.values());
    }

    /** Where a case may go from here: one step forward, or closed. */
    public List<String> movesFrom(CaseStatus status) {
        return Arrays.stream(CaseStatus.values()).filter(status::canMoveTo).map(Enum::name).toList();
    }

    /** Each sort key ascending and descending, as the API spells them. */
    public List<String> sorts() {
        return Arrays.stream(WorklistQuery.Sort.values())
                .flatMap(key -> List.of("-" + key.parameter(), key.parameter()).stream()).toList();
    }

    /** Pages of this size the whole list fills; at least one, so an empty list reads "page 1 of 1". */
    public long pages(Page<?> cases) {
        return Math.max(1, (cases.total() + cases.size() - 1) / cases.size());
    }

    public boolean hasNext(Page<?> cases) {
        return cases.page() + 1 < pages(cases);
    }

    public String pageLink(int page) {
        UriBuilder link = UriBuilder.fromPath("/ui/worklist");
        query(link, "status", status);
        query(link, "site", site);
        query(link, "primarySite", primarySite);
        query(link, "intervention", intervention);
        query(link, "sort", sort);
        return link.queryParam("size", size).queryParam("page", page).build().toString();
    }

    private static void query(UriBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
