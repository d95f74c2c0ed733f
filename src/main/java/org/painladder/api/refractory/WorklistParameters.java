package org.painladder.api.refractory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.painladder.api.Paging;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.persistence.WorklistQuery;

/** Reads the worklist's query parameters; a value the service does not know is a 400 problem naming the parameter. */
public final class WorklistParameters {

    public static final String DEFAULT_SORT = "-flaggedAt";

    private WorklistParameters() {
    }

    public static WorklistQuery read(String status, String site, String primarySite, String intervention, String sort,
                              String page, String size) {
        Paging paging = Paging.of(page, size);
        String sortValue = sort == null || sort.isBlank() ? DEFAULT_SORT : sort.trim();
        boolean descending = sortValue.startsWith("-");
        String key = descending ? sortValue.substring(1) : sortValue;
        WorklistQuery.Sort sortKey = Arrays.stream(WorklistQuery.Sort.values())
                .filter(candidate -> candidate.parameter().equals(key)).findFirst()
                .orElseThrow(() -> Paging.badParameter("sort", "must be one of " + Arrays.stream(WorklistQuery.Sort.values())
                        .map(WorklistQuery.Sort::parameter).collect(Collectors.joining(", "))
                        + ", with - in front for descending order"));
        return new WorklistQuery(code("status", status, CaseStatus.class), code("site", site, PainSite.class),
                code("primarySite", primarySite, PrimarySite.class),
                code("intervention", intervention, InterventionType.class), sortKey, descending, paging.page(),
                paging.size());
    }

    private static <E extends Enum<E>> E code(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Paging.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }
}
