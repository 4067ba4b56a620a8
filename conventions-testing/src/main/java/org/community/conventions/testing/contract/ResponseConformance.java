package org.community.conventions.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Runtime conformance: every response a test receives through RestAssured from an {@code /api/} path is validated
 * against the spec the service serves (status code documented, body matching its schema, required headers present).
 * Requests are not validated, since tests send bad requests on purpose; the answers to them are. A mismatch fails the
 * test that received it; {@code -Dcontract.conformance=report} instead lists every mismatch of the run in
 * {@code target/contract-mismatches.txt}. A service turns it on by listing this class in its
 * src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback.
 */
public class ResponseConformance implements QuarkusTestBeforeEachCallback {

    public static final String MODE = "contract.conformance";
    static final Path REPORT = Path.of("target", "contract-mismatches.txt");

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!"off".equals(System.getProperty(MODE)) && RestAssured.filters().stream().noneMatch(Validate.class::isInstance)) {
            RestAssured.filters(new Validate());
        }
    }

    /** The problems of one exchange with the served spec; empty when it conforms. */
    public static ValidationReport check(String baseUri, String method, String path, Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.asByteArray());
        for (Header header : response.getHeaders()) {
            answer.withHeader(header.getName(), header.getValue());
        }
        if (response.getContentType() != null && !response.getContentType().isEmpty()) {
            answer.withContentType(response.getContentType());
        }
        Request request = new SimpleRequest.Builder(method, path).build();
        return validator(baseUri).validate(request, answer.build());
    }

    static OpenApiInteractionValidator validator(String baseUri) {
        return VALIDATORS.computeIfAbsent(baseUri, base -> OpenApiInteractionValidator
                .createForInlineApiSpecification(fetch(base + "/q/openapi?format=json"))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build());
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Validate implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
            Response response = context.next(request, responseSpec);
            URI uri = URI.create(request.getURI());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/api/")) {
                return response;
            }
            String base = uri.getScheme() + "://" + uri.getAuthority();
            ValidationReport report = check(base, request.getMethod(), path, response);
            if (report.hasErrors()) {
                String text = request.getMethod() + " " + path + " -> " + response.statusCode() + "\n"
                        + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                                .map(m -> "  [" + m.getKey() + "] " + m.getMessage()
                                        + (m.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse("")))
                                .collect(Collectors.joining("\n"));
                if ("report".equals(System.getProperty(MODE))) {
                    append(text);
                } else {
                    throw new AssertionError("The response contradicts the service's OpenAPI spec:\n" + text
                            + "\nbody: " + abbreviate(response.asString()));
                }
            }
            return response;
        }

        private static synchronized void append(String text) {
            try {
                Files.createDirectories(REPORT.getParent());
                Files.writeString(REPORT, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String abbreviate(String body) {
            return body.length() > 600 ? body.substring(0, 600) + "…" : body;
        }
    }
}
