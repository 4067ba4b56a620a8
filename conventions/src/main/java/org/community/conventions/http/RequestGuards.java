package org.community.conventions.http;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.community.conventions.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses what no service can store, before anything reads the request: a NUL character (U+0000, {@code %00}) in
 * the path is 404 (no resource has such a path), in a query parameter 400 naming the parameter. PostgreSQL cannot
 * store the character, so letting it through would fail later as a 500.
 */
public class RequestGuards {

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public void rejectNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
            throw new NotFoundException();
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.badField(parameter.getKey(), "nulCharacter");
                }
            }
        }
    }
}
