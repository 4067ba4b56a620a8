package org.community.org.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.community.org.http.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into RFC 9457 problem+json, in the caller's language, never with a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = e.violations.stream()
                .map(v -> new FieldError(v.field(), Messages.get(locale, v.key(), v.args())))
                .toList();
        return respond(e.type, Messages.get(locale, e.detailKey, e.detailArgs), errors, locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ProblemType.VALIDATION, Messages.get(locale, "invalidFields", errors.size()), errors, locale, headers, uri);
    }

    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class, JsonMappingException.class })
    public Response unreadableField(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        String message = e instanceof InvalidFormatException format
                ? Messages.get(locale, "badValue", String.valueOf(format.getValue()), format.getTargetType().getSimpleName())
                : Messages.get(locale, "badType");
        return respond(ProblemType.MALFORMED_BODY, Messages.get(locale, "invalidFields", 1),
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)), locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return respond(ProblemType.MALFORMED_BODY, Messages.get(locale, "malformedJson", e.getOriginalMessage()), List.of(),
                locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? unreadableField(mapping, headers, uri)
                    : unreadableBody(json, headers, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? Messages.get(locale, "noSuchPath", uri.getPath())
                : Messages.get(locale, "problem." + type.slug + ".detail");
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), Messages.get(locale, "problem." + type.slug + ".title"), status, detail,
                        uri.getPath(), RequestIds.of(headers), List.of()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /** No token, or one that is malformed, expired, tampered with or from another issuer or audience. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        Response problem = respond(ProblemType.UNAUTHORIZED, Messages.get(locale, "problem.unauthorized.detail"), List.of(), locale,
                headers, uri);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** An authenticated caller whose roles do not allow the operation. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return respond(ProblemType.FORBIDDEN, Messages.get(locale, "forbidden.role"), List.of(), locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), RequestIds.of(headers));
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return respond(ProblemType.INTERNAL, Messages.get(locale, "problem.internal.detail"), List.of(), locale, headers, uri);
    }

    static Response respond(ProblemType type, String detail, List<FieldError> errors, Locale locale, HttpHeaders headers, UriInfo uri) {
        Problem body = new Problem(type.uri(), Messages.get(locale, "problem." + type.slug + ".title"), type.status, detail,
                uri.getPath(), RequestIds.of(headers), errors);
        return Response.status(type.status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** {@code create.request.name} or {@code list.size} → the field the caller knows: {@code name}, {@code size}. */
    static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 1) {
            return propertyPath;
        }
        int skip = parts.length > 2 ? 2 : 1;
        return String.join(".", java.util.Arrays.copyOfRange(parts, skip, parts.length));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
