package org.community.conventions.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.community.conventions.db.SqlStates;
import org.community.conventions.http.JsonConventions;
import org.community.conventions.http.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json, in the caller's language, never with a stack trace. This is the
 * one mapping table of the suite: the same failure answers the same status and type in every service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    /** Seconds a client should wait before retrying when the database is unreachable. */
    static final int UNAVAILABLE_RETRY_AFTER = 5;
    /** Seconds a client should wait before retrying after concurrent changes kept colliding. */
    static final int BUSY_RETRY_AFTER = 1;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = e.violations.stream()
                .map(v -> new FieldError(v.field(), Messages.get(locale, v.key(), v.args())))
                .toList();
        Response response = respond(e.type, Messages.get(locale, e.detailKey, e.detailArgs), errors, locale, headers, uri);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
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

    /** A JSON value of the wrong type or format, or a string with a NUL character: 400 naming the field. */
    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class, JsonMappingException.class })
    public Response unreadableField(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String field = jsonPath(e);
        String message;
        if (e instanceof JsonConventions.NulCharacterException) {
            message = Messages.get(locale, "nulCharacter");
        } else if (e instanceof InvalidFormatException format) {
            message = Messages.get(locale, "badValue", String.valueOf(format.getValue()), format.getTargetType().getSimpleName());
        } else {
            message = Messages.get(locale, "badType");
        }
        return respond(ProblemType.MALFORMED_BODY, Messages.get(locale, "invalidFields", 1),
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)), locale, headers, uri);
    }

    /** Not JSON at all, or a JSON object naming the same field twice (the service would have to guess which counts). */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            String field = duplicateFieldPath(e, duplicate.group(1));
            return respond(ProblemType.MALFORMED_BODY, Messages.get(locale, "invalidFields", 1),
                    List.of(new FieldError(field, Messages.get(locale, "duplicateKey", field))), locale, headers, uri);
        }
        return respond(ProblemType.MALFORMED_BODY, Messages.get(locale, "malformedJson", e.getOriginalMessage()), List.of(),
                locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? unreadableField(mapping, headers, uri)
                    : unreadableBody(json, headers, uri);
        }
        // a query or path parameter converter that refused a value (http/ParamConverters) names the parameter
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, headers, uri);
        }
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? Messages.get(locale, "noSuchPath", uri.getPath())
                : Messages.get(locale, "problem." + type.slug + ".detail");
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), Messages.get(locale, "problem." + type.slug + ".title"), status, detail,
                        uri.getPath(), RequestIds.of(headers), List.of()));
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    /** No token, or one that is malformed, expired, tampered with or from another issuer or audience. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
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
        return respond(ProblemType.FORBIDDEN, Messages.get(locale, "problem.forbidden.detail"), List.of(), locale, headers, uri);
    }

    /**
     * Everything else. A database failure anywhere in the causes is answered by what it means (see {@link #database});
     * a {@link ProblemException} wrapped by a framework layer is answered as itself; the rest is a logged 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, headers, uri);
            }
            if (cause instanceof SQLException sql) {
                Response answer = database(sql, headers, uri);
                if (answer != null) {
                    return answer;
                }
                break;
            }
        }
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), RequestIds.of(headers));
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return respond(ProblemType.INTERNAL, Messages.get(locale, "problem.internal.detail"), List.of(), locale, headers, uri);
    }

    /**
     * What a database error means to the caller, the same in every service (the transaction has been rolled back, so
     * nothing is half-written):
     * <ul>
     * <li>a unique (23505) or exclusion (23P01) violation: a race the service's own checks could not see, 409. A service
     * names the constraint in its messages ({@code constraint.<name>} and {@code constraint.<name>.field}) to say which
     * field collided;</li>
     * <li>a serialization failure or deadlock (40001, 40P01) that persisted through the service's retries
     * ({@code db/TransactionRetry}): 503 {@code busy} with Retry-After;</li>
     * <li>a database that cannot be reached or is shutting down (08*, 57P01-57P03, 53300, or no connection within the
     * pool's acquisition timeout): 503 {@code unavailable} with Retry-After.</li>
     * </ul>
     * Anything else answers {@code null}: an unexpected failure.
     */
    Response database(SQLException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String state = SqlStates.stateOf(e);
        if (SqlStates.isConstraintViolation(state)) {
            String constraint = SqlStates.constraintOf(e);
            String detail = constraint == null ? null : Messages.find(locale, "constraint." + constraint);
            String field = constraint == null ? null : Messages.find(locale, "constraint." + constraint + ".field");
            detail = detail == null ? Messages.get(locale, "dataConflict") : detail;
            return respond(ProblemType.CONFLICT, detail, field == null ? List.of() : List.of(new FieldError(field, detail)), locale,
                    headers, uri);
        }
        if (SqlStates.isTransient(state)) {
            LOG.warnf("Concurrent changes kept colliding on %s (request %s, SQLState %s)", uri.getPath(), RequestIds.of(headers), state);
            return withRetryAfter(respond(ProblemType.BUSY, Messages.get(locale, "retryLater"), List.of(), locale, headers, uri),
                    BUSY_RETRY_AFTER);
        }
        if (SqlStates.isUnavailable(e)) {
            LOG.warnf("Database unavailable on %s (request %s): %s", uri.getPath(), RequestIds.of(headers), e.getMessage());
            return withRetryAfter(respond(ProblemType.UNAVAILABLE, Messages.get(locale, "databaseUnavailable"), List.of(), locale,
                    headers, uri), UNAVAILABLE_RETRY_AFTER);
        }
        return null;
    }

    public static Response respond(ProblemType type, String detail, List<FieldError> errors, Locale locale, HttpHeaders headers,
            UriInfo uri) {
        Problem body = new Problem(type.uri(), Messages.get(locale, "problem." + type.slug + ".title"), type.status, detail,
                uri.getPath(), RequestIds.of(headers), errors);
        return Response.status(type.status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Response withRetryAfter(Response response, int seconds) {
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** {@code create.request.name} or {@code list.size} → the field the caller knows: {@code name}, {@code size}. */
    static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 1) {
            return propertyPath;
        }
        int skip = parts.length > 2 ? 2 : 1;
        return String.join(".", Arrays.copyOfRange(parts, skip, parts.length));
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

    /** {@code reason}, or {@code items[2].reason} when the duplicate is inside a nested object. */
    private static String duplicateFieldPath(JsonProcessingException e, String name) {
        JsonParser parser = e instanceof StreamReadException read ? read.getProcessor() : null;
        if (parser == null) {
            return name;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext() == null ? null : parser.getParsingContext().getParent();
                context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.add(0, "[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                parts.add(0, context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.isEmpty() ? name : path + "." + name;
    }
}
