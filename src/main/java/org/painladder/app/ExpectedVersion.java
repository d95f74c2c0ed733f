package org.painladder.app;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versions a write may apply to: those an If-Match names, or the one a dashboard page was rendered with. A client
 * that names none writes unconditionally.
 */
public final class ExpectedVersion {

    public static final ExpectedVersion UNCONDITIONAL = new ExpectedVersion(false, Set.of());
    /** If-Match {@code *}: whatever version is current, provided there is one. */
    public static final ExpectedVersion ANY_CURRENT = new ExpectedVersion(true, Set.of());

    private final boolean anyCurrent;
    private final Set<Long> versions;

    private ExpectedVersion(boolean anyCurrent, Set<Long> versions) {
        this.anyCurrent = anyCurrent;
        this.versions = versions;
    }

    /** @param versions not empty: a list with no version in it could never match, which the caller refuses itself */
    public static ExpectedVersion oneOf(Set<Long> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no version to expect");
        }
        return new ExpectedVersion(false, new TreeSet<>(versions));
    }

    public static ExpectedVersion of(long version) {
        return oneOf(Set.of(version));
    }

    /** @throws StaleVersionException when the current version is not one the client expects */
    public void check(long current) {
        check(current, true);
    }

    /** @param exists false while nothing has been recorded yet (a patient's regimen before the first: version 0) */
    public void check(long current, boolean exists) {
        if (anyCurrent && !exists) {
            throw new StaleVersionException("If-Match * needs a current version but none has been recorded yet;"
                    + " send \"0\" to record the first");
        }
        if (!anyCurrent && !versions.isEmpty() && !versions.contains(current)) {
            throw new StaleVersionException("If-Match names " + (versions.size() == 1 ? "version " : "versions ")
                    + versions.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " but the current version is " + current + "; read the resource again and reapply the change");
        }
    }
}
