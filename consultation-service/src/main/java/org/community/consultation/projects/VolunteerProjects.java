package org.community.consultation.projects;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.consultation.http.CircuitBreaker;
import org.community.consultation.http.ClientsConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The whole contract with volunteer-service, in one place: {@code POST /api/v1/projects} with
 * {@code {name, kind, teamId, description, demandIds}} and an Idempotency-Key answers 201 with
 * {@code {id, name, status, ...}}; {@code GET /api/v1/projects/{id}} reads the status.
 */
@ApplicationScoped
public class VolunteerProjects {

    private static final Logger LOG = Logger.getLogger(VolunteerProjects.class);

    private CircuitBreaker breaker;

    @Inject
    ClientsConfig config;

    @jakarta.annotation.PostConstruct
    void init() {
        breaker = new CircuitBreaker("volunteer-service", config.failureThreshold(), config.openFor());
    }

    @Inject
    @RestClient
    VolunteerServiceApi api;

    /**
     * Starts a project. Not retried here; the idempotency key makes a retry by the caller safe. 503 when
     * volunteer-service cannot be reached, 422 naming {@code project} when it refuses the project.
     */
    public RemoteProject start(String idempotencyKey, NewProject project) {
        try {
            RemoteProject created = breaker.call(() -> api.create(idempotencyKey, project), VolunteerProjects::isFailure);
            if (created == null || created.id() == null) {
                throw new IllegalStateException("volunteer-service answered without a project id");
            }
            return created;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                // volunteer-service judged the caller's own token (it is passed on): the caller may not start projects there
                throw org.community.consultation.security.Caller.forbidden();
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw ProblemException.invalidField("project", "projectRefused", status);
            }
            LOG.warnf("volunteer-service answered %d to a new project", status);
            throw new ProblemException(ProblemType.UNAVAILABLE, "volunteerServiceDown");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("volunteer-service unavailable: %s", e.toString());
            throw new ProblemException(ProblemType.UNAVAILABLE, "volunteerServiceDown");
        }
    }

    /** The project's current status; callers treat a failure as "unknown now" so reads keep working. */
    public Optional<RemoteProject> find(String id) {
        return Optional.ofNullable(breaker.callWithRetry(() -> api.get(id), VolunteerProjects::isFailure, 1));
    }

    /** Connection problems, timeouts and 5xx answers count against volunteer-service; a 4xx is an answer. */
    private static boolean isFailure(RuntimeException e) {
        return !(e instanceof WebApplicationException w) || w.getResponse().getStatus() >= 500;
    }
}
