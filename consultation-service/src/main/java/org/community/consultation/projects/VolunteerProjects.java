package org.community.consultation.projects;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The whole contract with volunteer-service, in one place: {@code POST /api/v1/projects} with
 * {@code {name, kind, teamId, description, demandIds}} and an Idempotency-Key answers 201 with
 * {@code {id, name, status, ...}}; {@code GET /api/v1/projects/{id}} reads the status.
 * <p>
 * Fault tolerance (MicroProfile Fault Tolerance keys
 * {@code org.community.consultation.projects.VolunteerProjects/<method>/<Annotation>/<param>}, application.properties):
 * both calls have a timeout and a circuit breaker that counts only timeouts, connection failures and 5xx answers; the
 * read is retried with backoff and falls back to "unknown now"; the write is not retried here (the caller retries with
 * the same Idempotency-Key).
 */
@ApplicationScoped
public class VolunteerProjects {

    private static final Logger LOG = Logger.getLogger(VolunteerProjects.class);

    /** volunteer-service answered with a 4xx other than 408/429: it judged the request, it is not down. */
    public static class Refused extends RuntimeException {
        public final int status;

        Refused(int status) {
            super("volunteer-service answered " + status);
            this.status = status;
        }
    }

    @Inject
    @RestClient
    VolunteerServiceApi api;

    /**
     * Starts a project. 503 when volunteer-service cannot be reached, 403 when it refuses the caller, 422 naming
     * {@code project} when it refuses the project.
     */
    public RemoteProject start(String idempotencyKey, NewProject project) {
        try {
            RemoteProject created = create(idempotencyKey, project);
            if (created == null || created.id() == null) {
                throw new IllegalStateException("volunteer-service answered without a project id");
            }
            return created;
        } catch (Refused e) {
            if (e.status == 401 || e.status == 403) {
                // volunteer-service judged the caller's own token (it is passed on): the caller may not start projects there
                throw org.community.consultation.security.Caller.forbidden();
            }
            throw ProblemException.invalidField("project", "projectRefused", e.status);
        } catch (RuntimeException e) {
            LOG.warnf("volunteer-service unavailable: %s", e.toString());
            throw new ProblemException(ProblemType.UNAVAILABLE, "volunteerServiceDown");
        }
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 5000, successThreshold = 1, skipOn = Refused.class)
    @CircuitBreakerName("volunteer-service-create-project")
    RemoteProject create(String idempotencyKey, NewProject project) {
        return refusalsAsAnswers(() -> api.create(idempotencyKey, project));
    }

    /** The project's current status; empty when volunteer-service does not know it or cannot say now (callers show what they last knew). */
    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = { Refused.class, CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 5000, successThreshold = 1, skipOn = Refused.class)
    @CircuitBreakerName("volunteer-service-read-project")
    @Fallback(fallbackMethod = "unknownNow")
    public Optional<RemoteProject> find(String id) {
        return Optional.ofNullable(refusalsAsAnswers(() -> api.get(id)));
    }

    Optional<RemoteProject> unknownNow(String id) {
        return Optional.empty();
    }

    private static <T> T refusalsAsAnswers(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Refused(status);
            }
            throw e;
        }
    }
}
