package org.painladder.ui;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.ConflictException;
import org.painladder.app.ExpectedVersion;
import org.painladder.app.NotFoundException;
import org.painladder.app.StaleVersionException;

/**
 * What a dashboard form answers: on success a redirect to the page that shows the change (so a reload never posts
 * twice), on a refusal a page saying why with the refusal's status. A stale version is the common refusal: someone
 * else acted on the same case or advice since the page was opened.
 */
final class FormActions {

    static final String STALE_TITLE = "Someone changed this since you opened the page";
    static final String STALE_DETAIL = "Nothing was saved. Reload the page to see the current state, then decide again.";

    private FormActions() {
    }

    /** @param action runs the use case and returns where to see its result */
    static Response answer(SecurityIdentity identity, String backTo, Supplier<URI> action) {
        try {
            return Response.seeOther(action.get()).build();
        } catch (StaleVersionException stale) {
            return refused(identity, Response.Status.CONFLICT, STALE_TITLE, STALE_DETAIL, backTo);
        } catch (ConflictException conflict) {
            return refused(identity, Response.Status.CONFLICT, "Not possible now", conflict.getMessage(), backTo);
        } catch (ClinicalValidationException invalid) {
            return refused(identity, 422, "Please check the form", invalid.violations().stream()
                    .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), backTo);
        } catch (NotFoundException missing) {
            return notFound(identity, missing);
        }
    }

    /** A stale link or a mistyped id: a page that says so and leads back to the worklist, not the API's problem. */
    static Response notFound(SecurityIdentity identity, NotFoundException missing) {
        return refused(identity, Response.Status.NOT_FOUND, "Not found", missing.getMessage(), "/ui/worklist");
    }

    private static Response refused(SecurityIdentity identity, Response.Status status, String title, String detail,
                                    String backTo) {
        return refused(identity, status.getStatusCode(), title, detail, backTo);
    }

    private static Response refused(SecurityIdentity identity, int status, String title, String detail,
                                    String backTo) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(DashboardPages.refused(Viewer.of(identity), title, detail, backTo)).build();
    }

    /**
     * The version the page was rendered with. Every decision form carries it, so a form without it did not come from
     * a page (or lost a field on the way) and is refused rather than applied to whatever is current.
     */
    static ExpectedVersion version(String version) {
        if (version == null || version.isBlank()) {
            throw new ClinicalValidationException("version",
                    "is missing: a decision applies to the version its page showed; reload the page and decide again");
        }
        try {
            return ExpectedVersion.of(Long.parseLong(version.trim()));
        } catch (NumberFormatException notANumber) {
            throw new ClinicalValidationException("version", "must be the number the page was rendered with");
        }
    }

    /** A choice from a select; blank is none. */
    static <E extends Enum<E>> E code(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ClinicalValidationException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
