package org.painladder.security;

import io.quarkus.arc.ClientProxy;
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
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.painladder.api.problem.CorrelationId;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.AuditOutcome;
import org.painladder.persistence.AuditEvents;
import org.painladder.persistence.RefractoryCases;
import org.painladder.persistence.TimeOrderedIds;

/**
 * Writes one audit event for every request to {@code /api}, {@code /fhir}, {@code /cds-services} and the dashboard's
 * pages under {@code /ui} that reached a resource method, whatever it did and however it ended, including 401 and 403
 * and a client that hung up before the answer.
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
    private static final String ANSWERED = AuditTrail.class.getName() + ".answered";
    private static final String CALLER = AuditTrail.class.getName() + ".caller";
    /** The status nginx made the convention for a request whose client closed the connection before the answer. */
    private static final int CLIENT_CLOSED_REQUEST = 499;
    static final String ANONYMOUS = "anonymous";
    private static final String REFRACTORY_CASES = "refractory-cases";

    private final AuditEvents auditEvents;
    private final SecurityIdentity identity;
    private final AuditedPatient auditedPatient;
    private final Clock clock;
    private final String chainId;
    private final AuditKeys keys;
    private final Session session;
    private final RefractoryCases refractoryCases;

    AuditTrail(AuditEvents auditEvents, SecurityIdentity identity, AuditedPatient auditedPatient, Clock clock,
               @ConfigProperty(name = "painladder.audit.chain-id") String chainId, AuditKeys keys, Session session,
               RefractoryCases refractoryCases) {
        this.session = session;
        this.refractoryCases = refractoryCases;
        this.auditEvents = auditEvents;
        this.identity = identity;
        this.auditedPatient = auditedPatient;
        this.clock = clock;
        this.chainId = chainId;
        this.keys = keys;
    }

    /** Runs after authentication, authorisation and the rate limit: what reaches here is a real attempt. */
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    void openTransaction(ResteasyReactiveContainerRequestContext request, ResourceInfo resource, UriInfo uriInfo,
                         HttpServerRequest httpRequest) {
        if (!audited(uriInfo)) {
            return;
        }
        awaitAnswer(request, resource, uriInfo, httpRequest);
        // Non-blocking endpoints run on the event loop, where no transaction may be held; they are audited afterwards.
        if (BlockingOperationControl.isBlockingAllowed()) {
            QuarkusTransaction.begin();
            request.setProperty(OWN_TRANSACTION, Boolean.TRUE);
            // A GET changes nothing but appends its event: what it loads is neither snapshotted nor dirty-checked.
            if (HttpMethod.GET.equals(request.getMethod())) {
                session.setDefaultReadOnly(true);
            }
        }
    }

    /**
     * When the client hangs up before the answer, Quarkus REST skips the response filters, so {@link #recordAccess}
     * never runs and the request's transaction is rolled back as its scope ends. The attempt is recorded afterwards,
     * from what was known of it while its scope was alive, as a failure with status 499 (client closed the request):
     * nothing was changed and nothing was sent. A hang-up that Quarkus REST handles only after the method returned
     * comes too late to skip the filters: that request is committed and recorded as answered, as it was as far as
     * the service could tell.
     */
    private void awaitAnswer(ResteasyReactiveContainerRequestContext request, ResourceInfo resource, UriInfo uriInfo,
                             HttpServerRequest httpRequest) {
        // Authentication is over: the caller is known now and is kept for the response filter too.
        Caller caller = caller(true, httpRequest);
        request.setProperty(CALLER, caller);
        AuditedPatient patient = ClientProxy.unwrap(auditedPatient);
        String correlationId = CorrelationId.current();
        request.getServerRequestContext().registerCompletionCallback(failure -> {
            if (request.getProperty(ANSWERED) == null) {
                Access abandoned = caller.accessed(target(request.getMethod(), resource, uriInfo, null)
                        .concerning(patient.patientId()).doing(patient.action()), CLIENT_CLOSED_REQUEST,
                        correlationId);
                LOG.infof("The client hung up before the answer to %s %s: audited as %d", request.getMethod(),
                        template(resource), CLIENT_CLOSED_REQUEST);
                Runnable append = () -> {
                    try {
                        appendAlone(abandoned);
                    } catch (RuntimeException notRecorded) {
                        LOG.errorf(notRecorded, "The audit event of an abandoned request could not be written "
                                + "(correlation id %s)", correlationId);
                    }
                };
                if (BlockingOperationControl.isBlockingAllowed()) {
                    append.run();
                } else {
                    Infrastructure.getDefaultWorkerPool().execute(append);
                }
            }
        });
    }

    @ServerResponseFilter(priority = Priorities.USER + 1000)
    Uni<Void> recordAccess(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                           UriInfo uriInfo, HttpServerRequest httpRequest) {
        request.setProperty(ANSWERED, Boolean.TRUE);
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
        QuarkusTransaction.requiringNew().run(() -> auditEvents.record(pending(withCasePatient(access))));
    }

    /**
     * A refractory case's path names the case, not the patient. A request that succeeded was told the patient by its
     * resource; one refused or failed before that (403, 404, 409) is written down against the case's patient, read
     * here only when such an event is written.
     */
    private Access withCasePatient(Access access) {
        if (access.patientId() != null || !REFRACTORY_CASES.equals(access.resourceType())) {
            return access;
        }
        UUID caseId;
        try {
            caseId = access.resourceId() == null ? null : UUID.fromString(access.resourceId());
        } catch (IllegalArgumentException notACase) {
            return access;
        }
        return caseId == null ? access : refractoryCases.patientOf(caseId)
                .map(patientId -> new Access(access.actor(), access.role(), access.client(), access.action(),
                        access.resourceType(), access.resourceId(), patientId, access.outcome(), access.status(),
                        access.correlationId(), access.requests()))
                .orElse(access);
    }

    private AuditEvent pending(Access access) {
        return AuditChain.pending(access, TimeOrderedIds.next(), chainId, clock.instant(), keys);
    }

    private Access describe(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                            UriInfo uriInfo, HttpServerRequest httpRequest) {
        int status = response.getStatus();
        boolean reachedResource = request.getProperty(CALLER) != null;
        // After a 401 the token was not trusted: nothing in it may be written down as who called.
        Caller caller = status == 401 ? caller(false, httpRequest)
                : request.getProperty(CALLER) instanceof Caller known ? known : caller(true, httpRequest);
        // A request stopped before its resource did nothing: a 3xx there is the sign-in redirect of the dashboard's
        // form or OIDC mechanism, an authentication refusal like a 401.
        AuditOutcome outcome = reachedResource || status >= 400 ? AuditOutcome.ofStatus(status) : AuditOutcome.DENIED;
        return caller.accessed(target(request.getMethod(), resource, uriInfo, response.getLocation())
                .concerning(auditedPatient.patientId()).doing(auditedPatient.action()), status, outcome,
                CorrelationId.current());
    }

    private static AuditTarget target(String method, ResourceInfo resource, UriInfo uriInfo, URI location) {
        return AuditTarget.of(method, template(resource), uriInfo.getPathParameters(true).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue().get(0))),
                uriInfo.getQueryParameters(true), location);
    }

    private Caller caller(boolean tokenTrusted, HttpServerRequest httpRequest) {
        String actor = ANONYMOUS;
        String role = null;
        String client = null;
        if (tokenTrusted) {
            try {
                if (!identity.isAnonymous()) {
                    actor = identity.getPrincipal().getName();
                    // The service's roles only: a directory's other groups say nothing of what the caller may do here.
                    role = identity.getRoles().stream().filter(Roles.ALL::contains).sorted()
                            .collect(Collectors.joining(","));
                    client = clientOf(identity);
                }
            } catch (RuntimeException unauthenticated) {
                actor = ANONYMOUS;
            }
        }
        if (client == null && httpRequest.remoteAddress() != null) {
            client = httpRequest.remoteAddress().hostAddress();
        }
        return new Caller(actor, role == null || role.isEmpty() ? null : role, client);
    }

    /** Who called, as the audit event names them. */
    private record Caller(String actor, String role, String client) {

        Access accessed(AuditTarget target, int status, String correlationId) {
            return accessed(target, status, AuditOutcome.ofStatus(status), correlationId);
        }

        Access accessed(AuditTarget target, int status, AuditOutcome outcome, String correlationId) {
            return new Access(actor, role, client, target.action(), target.resourceType(), target.resourceId(),
                    target.patientId(), outcome, status, correlationId);
        }
    }

    /**
     * The attribute under which a CDS client's identity carries the issuer its key is allow-listed for. Two EHRs may
     * give their CDS clients the same sub; the issuer is what tells them apart.
     */
    public static final String CDS_CLIENT_ISSUER = "cds-client-issuer";

    /** A CDS client's issuer, or the OAuth client a token was issued to when the identity provider says. */
    private static String clientOf(SecurityIdentity identity) {
        Object issuer = identity.getAttribute(CDS_CLIENT_ISSUER);
        if (issuer != null) {
            return issuer.toString();
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? clientOf(token) : null;
    }

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
