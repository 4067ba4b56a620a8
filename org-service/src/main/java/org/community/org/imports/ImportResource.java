package org.community.org.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.community.conventions.db.Ids;
import org.community.conventions.http.IdempotencyFilters;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.problem.Messages;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of units and households from one CSV or NDJSON file, all or nothing")
public class ImportResource {

    private static final String CSV_EXAMPLE = """
            type,code,parent_code,name,level,form,established_on,leader_name,building_code,entrance,room,residents
            unit,WH,,武汉市,CITY,COMMITTEE,,,,,,
            unit,WH-JH,WH,江汉区,DISTRICT,COMMITTEE,,,,,,
            unit,WH-JH-01,WH-JH,唐家墩街道,STREET,COMMITTEE,,,,,,
            unit,JXY,WH-JH-01,江欣苑社区,COMMUNITY,COMMITTEE,2016-05-01,王红,,,,
            unit,JXY-C1,JXY,江欣苑一期,COMPOUND,BRANCH,,李明,,,,
            unit,JXY-C1-B1,JXY-C1,1栋,BUILDING,GROUP,,张伟,,,,
            household,,,,,,,,JXY-C1-B1,1,101,3
            """;

    @Inject
    ImportJobs jobs;

    @Inject
    OrgUnitRepository units;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    ImportRunner runner;

    @Inject
    ImportsConfig config;

    @POST
    @Consumes({ "text/csv", "application/x-ndjson" })
    @Operation(operationId = "startImport", summary = "Start an import", description = "The file is streamed to disk (never held in memory), then checked and written "
            + "in the background in one transaction: every row valid, or nothing written. Rows are `unit` rows (code, parent_code, name, "
            + "level, form, established_on, address, leader_name; a parent before its children) and `household` rows (building_code, "
            + "compound, building, entrance, room, residents, head_name, phone). CSV names the columns in a header line; NDJSON uses "
            + "one object per line with camelCase names (parentCode, buildingCode, residentsCount…). Follow progress at the Location. "
            + "With an Idempotency-Key, the same key and file answer the first import again.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = CSV_EXAMPLE),
            // no example value here: smallrye-openapi would parse the first line as a JSON object (the description has one)
            @Content(mediaType = "application/x-ndjson",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            description = "One JSON object per line, e.g. `{\"type\":\"unit\",\"code\":\"JXY\",\"parentCode\":\"WH-JH-01\","
                                    + "\"name\":\"江欣苑社区\",\"level\":\"COMMUNITY\"}` then `{\"type\":\"household\",\"buildingCode\":\"JXY-C1-B1\","
                                    + "\"entrance\":\"1\",\"room\":\"101\",\"residentsCount\":3}`")) })
    @APIResponse(responseCode = "202", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)), description = "Accepted; Location names the import to follow")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)), description = "An earlier import with the same Idempotency-Key and file")
    public Response start(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @HeaderParam(IdempotencyFilters.HEADER) String idempotencyKey, @Context HttpHeaders headers,
            @QueryParam("parentId") @Parameter(description = "The unit every imported row goes under (its subtree); required unless the "
                    + "caller is CITY_ADMIN, and inside the caller's scope") UUID parentId) throws IOException {
        caller.require(Access.ADMIN);
        String parentPath = parentPath(parentId);
        ImportFormat format = ImportFormat.of(contentType);
        if (format == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "importFormat");
        }
        java.nio.charset.Charset charset = charsetOf(contentType);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw ProblemException.badField(IdempotencyFilters.HEADER, "idempotencyKeyInvalid");
        }
        Files.createDirectories(config.spoolDir());
        UUID id = Ids.newId();
        java.nio.file.Path file = config.spoolDir().resolve(id + ".import");
        Spooled spooled = spool(body, file);
        long rows = format == ImportFormat.CSV ? Math.max(0, spooled.lines() - 1) : spooled.lines();
        if (rows == 0) {
            Files.deleteIfExists(file);
            throw ProblemException.badField("body", "importEmpty");
        }
        boolean fresh;
        try {
            fresh = QuarkusTransaction.requiringNew().call(() -> {
                boolean inserted = jobs.insert(new ImportJob(id, format, idempotencyKey, spooled.hash(), rows, parentPath, caller.subject(),
                        Instant.now()));
                if (inserted) {
                    audit.record("import.start", "import", id, parentPath, Map.of("format", format, "rows", rows,
                            "parentId", String.valueOf(parentId), "contentHash", spooled.hash()));
                }
                return inserted;
            });
        } catch (RuntimeException e) {
            if (!keyTaken(e)) {
                throw e;
            }
            fresh = false;
        }
        if (!fresh) {
            Files.deleteIfExists(file);
            ImportJob earlier = jobs.findByKey(idempotencyKey).orElseThrow();
            caller.requireVisible(Access.ADMIN, "import", earlier.id(), earlier.parentPath());
            if (!earlier.contentHash().equals(spooled.hash())) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_MISMATCH,
                        List.of(new ProblemException.Violation(IdempotencyFilters.HEADER, "idempotencyKeyReused")), "idempotencyKeyReused");
            }
            return Response.ok(ImportView.of(earlier, jobs.errors(earlier))).header("Idempotent-Replayed", "true")
                    .location(URI.create("/api/v1/imports/" + earlier.id())).build();
        }
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        runner.submit(id, file, format, charset, locale, parentPath);
        return Response.accepted(ImportView.of(jobs.find(id).orElseThrow(), List.of()))
                .location(URI.create("/api/v1/imports/" + id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getImport", summary = "Progress and outcome of an import", description = "rowsDone of totalRows while it runs; the rejected rows by line when it failed.")
    public ImportView get(@PathParam("id") UUID id) {
        caller.require(Access.ADMIN);
        ImportJob job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("import", id));
        caller.requireVisible(Access.ADMIN, "import", id, job.parentPath());
        return ImportView.of(job, jobs.errors(job));
    }

    @GET
    @Operation(operationId = "listImports", summary = "Recent imports, newest first", description = "Paged; errors are listed on each import's own page.")
    public Page<ImportView> list(@Valid @BeanParam PageRequest page) {
        caller.require(Access.ADMIN);
        return Page.of(jobs.recent(caller.scope(), page).stream().map(job -> ImportView.of(job, List.of())).toList(), page,
                jobs.count(caller.scope()));
    }

    private static boolean keyTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ImportJobs.KeyTaken) {
                return true;
            }
        }
        return false;
    }

    /** The path of the unit an import goes under: inside the caller's scope (403); only CITY_ADMIN may leave it out. */
    private String parentPath(UUID parentId) {
        if (parentId == null) {
            if (!caller.scope().everything()) {
                throw ProblemException.invalidField("parentId", "importParentRequired");
            }
            return null;
        }
        OrgUnit parent = units.find(parentId).orElseThrow(() -> ProblemException.invalidField("parentId", "unitUnknown", parentId));
        caller.requireIn(Access.ADMIN, parent.path());
        return parent.path();
    }

    /** UTF-8 unless the Content-Type names another charset: spreadsheets in China often save CSV as GBK. */
    private static java.nio.charset.Charset charsetOf(MediaType contentType) {
        String name = contentType.getParameters().get("charset");
        if (name == null) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(HttpHeaders.CONTENT_TYPE, "importCharset", name);
        }
    }

    private record Spooled(long lines, String hash) {
    }

    /** Copies the body to disk in 64 KB steps, counting non-blank lines and hashing as it goes. */
    private static Spooled spool(InputStream body, java.nio.file.Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lines = 0;
        boolean lineHasText = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(body, sha256); OutputStream out = Files.newOutputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (lineHasText) {
                            lines++;
                        }
                        lineHasText = false;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        lineHasText = true;
                    }
                }
            }
        }
        if (lineHasText) {
            lines++;
        }
        return new Spooled(lines, HexFormat.of().formatHex(sha256.digest()));
    }
}
