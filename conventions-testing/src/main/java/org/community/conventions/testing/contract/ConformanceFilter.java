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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A RestAssured filter that validates every answer from an {@code /api/} path against an OpenAPI document (status code
 * documented, body matching its schema, documented headers); requests are not validated, since tests send bad ones on
 * purpose. The mode is the system property {@code contract.conformance}: {@code fail} (the default) throws an
 * {@link AssertionError} naming each mismatch, {@code report} appends them to {@code target/contract-mismatches.txt}.
 * It needs no Quarkus: a service's tests get it through {@link ResponseConformance}, the suite's end-to-end tests
 * with {@link #againstFiles(Function)}.
 */
public final class ConformanceFilter implements Filter {

    public static final String MODE = "contract.conformance";
    static final Path REPORT = Path.of("target", "contract-mismatches.txt");

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    /** Which document an answer is checked against: its key in the cache and a way to read it; null for none. */
    private final Function<URI, Spec> specFor;

    private record Spec(String key, Supplier<String> text) {
    }

    private ConformanceFilter(Function<URI, Spec> specFor) {
        this.specFor = specFor;
    }

    /** Against the spec the answering server serves at {@code /q/openapi}: a service's own tests. */
    public static ConformanceFilter againstServedSpec() {
        return new ConformanceFilter(uri -> {
            String base = uri.getScheme() + "://" + uri.getAuthority();
            return new Spec(base, () -> fetch(base + "/q/openapi?format=json"));
        });
    }

    /**
     * Against a document on disk chosen by the request path ({@code /api/v1/topics/…} → consultation-service's
     * committed {@code openapi.yaml}); a path for which {@code specFor} answers null is not checked.
     */
    public static ConformanceFilter againstFiles(Function<String, Path> specFor) {
        return new ConformanceFilter(uri -> {
            Path file = specFor.apply(uri.getRawPath());
            return file == null ? null : new Spec(file.toAbsolutePath().toString(), () -> read(file));
        });
    }

    public static boolean off() {
        return "off".equals(System.getProperty(MODE));
    }

    /** The problems of one exchange with a document; empty when it conforms. */
    public static ValidationReport check(OpenApiInteractionValidator validator, String method, String path, Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.asByteArray());
        for (Header header : response.getHeaders()) {
            answer.withHeader(header.getName(), header.getValue());
        }
        if (response.getContentType() != null && !response.getContentType().isEmpty()) {
            answer.withContentType(response.getContentType());
        }
        Request request = new SimpleRequest.Builder(method, path).build();
        return validator.validate(request, answer.build());
    }

    static OpenApiInteractionValidator validator(String key, Supplier<String> spec) {
        return VALIDATORS.computeIfAbsent(key, k -> OpenApiInteractionValidator
                .createForInlineApiSpecification(spec.get())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/api/")) {
            return response;
        }
        Spec spec = specFor.apply(uri);
        if (spec == null) {
            return response;
        }
        ValidationReport report = check(validator(spec.key(), spec.text()), request.getMethod(), path, response);
        if (report.hasErrors()) {
            String text = request.getMethod() + " " + path + " -> " + response.statusCode() + "\n"
                    + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  [" + m.getKey() + "] " + m.getMessage()
                                    + (m.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse("")))
                            .collect(Collectors.joining("\n"));
            if ("report".equals(System.getProperty(MODE))) {
                append(text);
            } else {
                throw new AssertionError("The response contradicts the OpenAPI spec (" + spec.key() + "):\n" + text
                        + "\nbody: " + abbreviate(response.asString()));
            }
        }
        return response;
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
