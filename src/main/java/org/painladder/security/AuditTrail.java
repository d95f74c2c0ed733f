package org.painladder.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.painladder.api.problem.CorrelationId;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.AuditOutcome;
import org.painladder.persistence.AuditEvents;
import org.painladder.persistence.TimeOrderedIds;

/**
 * Writes one audit event for every request to {@code /api}, {@code /fhir}, {@code /cds-services} and the dashboard's
 * pages under {@code /ui} that reached a resource method, whatever it did and however it ended, including 401 and 403.
 * <p>
 * A request runs inside a transaction opened here, which the use case's {@code @Transactional} joins; its event is
 * inserted at the very end and committed with the change it records, so there is no change without its event and no
 * event for a change that was rolled back. A request that failed or was denied is rolled back and its event is written
 * in a transaction of its own. The insert locks nothing shared: the event is sealed into this replica's chain
 * ({@code painladder.audit.chain-id}) a moment later by {@code SealingAuditTrail}, so reads and writes of different
 * requests never wait for each other here.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final String OWN_TRANSACTION = AuditTrail.class.getName() + ".transaction";
    static final String ANONYMOUS = "anonymous";

    private final AuditEvents auditEvents;
    private final SecurityIdentity identity;
    private final AuditedPatient auditedPatient;
    private final Clock clock;
    private final String chainId;
    private final AuditKeys keys;
    private final Session session;

    AuditTrail(AuditEvents auditEvents, SecurityIdentity identity, AuditedPatient auditedPatient, Clock clock,
               @ConfigProperty(name = "painladder.audit.chain-id") String chainId, AuditKeys keys, Session session) {
        this.session = session;
        this.auditEvents = auditEvents;
        this.identity = identity;
        this.auditedPatient = auditedPatient;
        this.clock = clock;
        this.chainId = chainId;
        this.keys = keys;
    }

    /** Runs after authentication, authorisation and the rate limit: what reaches here is a real attempt. */
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    void openTransaction(ContainerRequestContext request, UriInfo uriInfo) {
        // Non-blocking endpoints run on the event loop, where no transaction may be held; they are audited afterwards.
        if (audited(uriInfo) && BlockingOperationControl.isBlockingAllowed()) {
            QuarkusTransaction.begin();
            request.setProperty(OWN_TRANSACTION, Boolean.TRUE);
            // A GET changes nothing but appends its event: what it loads is neither snapshotted nor dirty-checked.
            if (HttpMethod.GET.equals(request.getMethod())) {
                session.setDefaultReadOnly(true);
            }
        }
    }

    @ServerResponseFilter(priority = Priorities.USER + 1000)
    Uni<Void> recordAccess(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                           UriInfo uriInfo, HttpServerRequest httpRequest) {
        boolean inTransaction = request.getProperty(OWN_TRANSACTION) != null && QuarkusTransaction.isActive();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (!audited(uriInfo) || method == null || response.getStatus() == 429) {
            // Unknown routes touch no data; a flood refused by the rate limit is not worth one write per request.
            if (inTransaction) {
                QuarkusTransaction.rollback();
            }
            return null;
        }
        Access access = describe(request, response, resource, uriInfo, httpRequest);
        if (inTransaction) {
            commitWithEvent(access, response);
            return null;
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            appendAlone(access);
            return null;
        }
        // Denied before the request left the event loop: write on a worker thread, then answer.
        return Uni.createFrom().item(() -> {
            appendAlone(access);
            return access;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private void commitWithEvent(Access access, ContainerResponseContext response) {
        if (access.outcome() != AuditOutcome.SUCCESS || QuarkusTransaction.isRollbackOnly()) {
            QuarkusTransaction.rollback();
            appendAlone(access);
            return;
        }
        try {
            auditEvents.record(pending(access));
            QuarkusTransaction.commit();
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "The change and its audit event could not be committed (correlation id %s)",
                    access.correlationId());
            if (QuarkusTransaction.isActive()) {
                QuarkusTransaction.rollback();
            }
            Access failed = new Access(access.actor(), access.role(), access.client(), access.action(),
                    access.resourceType(), access.resourceId(), access.patientId(), AuditOutcome.FAILED, 500,
                    access.correlationId());
            appendAlone(failed);
            response.getHeaders().clear();
            response.setStatus(500);
            response.setEntity(ProblemType.unexpectedFailure(access.correlationId()), null, Problem.MEDIA);
        }
    }

    private void appendAlone(Access access) {
        QuarkusTransaction.requiringNew().run(() -> auditEvents.record(pending(access)));
    }

    private AuditEvent pending(Access access) {
        return AuditChain.pending(access, TimeOrderedIds.next(), chainId, clock.instant(), keys);
    }

    private Access describe(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                            UriInfo uriInfo, HttpServerRequest httpRequest) {
        int status = response.getStatus();
        AuditTarget target = AuditTarget.of(request.getMethod(), template(resource), uriInfo.getPathParameters(true)
                        .entrySet().stream().collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue().get(0))),
                uriInfo.getQueryParameters(true), response.getLocation()).concerning(auditedPatient.patientId());
        String actor = ANONYMOUS;
        String role = null;
        String client = null;
        // After a 401 the token was not trusted: nothing in it may be written down as who called.
        if (status != 401) {
            try {
                if (!identity.isAnonymous()) {
                    actor = identity.getPrincipal().getName();
                    role = identity.getRoles().stream().sorted().collect(Collectors.joining(","));
                    client = identity.getPrincipal() instanceof JsonWebToken token ? clientOf(token) : null;
                }
            } catch (RuntimeException unauthenticated) {
                actor = ANONYMOUS;
            }
        }
        if (client == null && httpRequest.remoteAddress() != null) {
            client = httpRequest.remoteAddress().hostAddress();
        }
        return new Access(actor, role == null || role.isEmpty() ? null : role, client, target.action(),
                target.resourceType(), target.resourceId(), target.patientId(), AuditOutcome.ofStatus(status), status,
                CorrelationId.current());
    }

    /** The OAuth client the token was issued to, when the identity provider says. */
    private static String clientOf(JsonWebToken token) {
        Object client = Objects.requireNonNullElse(token.getClaim("azp"), Objects.requireNonNullElse(
                token.getClaim("client_id"), ""));
        String name = client.toString().replace("\"", "");
        return name.isEmpty() ? null : name;
    }

    private static String template(ResourceInfo resource) {
        Path classPath = resource.getResourceClass().getAnnotation(Path.class);
        Path methodPath = resource.getResourceMethod().getAnnotation(Path.class);
        return (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
    }

    private static boolean audited(UriInfo uriInfo) {
        return SecurityHeaders.servesClinicalData(uriInfo.getPath());
    }
}
