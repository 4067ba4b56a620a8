package org.community.consultation.vote;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.community.conventions.http.RequestIds;
import org.community.conventions.problem.Messages;
import org.community.conventions.problem.Problem;
import org.community.conventions.problem.ProblemType;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The ballot queue is full ({@link BallotCasting}'s bulkhead refused the cast): 503 problem+json with Retry-After, so a
 * client waits and sends the same ballot again. Nothing was written.
 */
public class CastingFullMapper {

    @Inject
    VotesConfig config;

    @ServerExceptionMapper
    public Response castingFull(BulkheadException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        ProblemType type = ProblemType.UNAVAILABLE;
        long seconds = Math.max(1, config.castRetryAfter().toSeconds());
        Problem body = new Problem(type.uri(), Messages.get(locale, "problem." + type.slug + ".title"), type.status,
                Messages.get(locale, "castingFull", seconds), uri.getPath(), RequestIds.of(headers), List.of());
        return Response.status(type.status).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, seconds).entity(body).build();
    }
}
