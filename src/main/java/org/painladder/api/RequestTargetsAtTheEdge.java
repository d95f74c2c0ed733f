package org.painladder.api;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Quarkus answers a request target that java.net.URI cannot parse (a raw {@code |}, a space, {@code %zz}) with a
 * bare 400 before any route: no problem body, no correlation id, no log line. With {@code vertx.disableURIValidation}
 * such requests reach {@link HttpEdge}, which refuses them itself with a problem naming what is wrong
 * ({@link RequestTargets}). Quarkus reads the switch once, as its HTTP layer loads; the configuration is built before
 * that in every launch mode ({@code java -jar}, the tests, {@code quarkus:dev}), so it is set while the configuration
 * is built. A {@code -Dvertx.disableURIValidation} given on the command line is overridden: the edge's check replaces
 * Quarkus's.
 */
@StaticInitSafe
public class RequestTargetsAtTheEdge implements SmallRyeConfigBuilderCustomizer {

    static final String SWITCH = "vertx.disableURIValidation";

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty(SWITCH, "true");
    }
}
