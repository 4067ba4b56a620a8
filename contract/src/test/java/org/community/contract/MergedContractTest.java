package org.community.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.community.gateway.openapi.OpenApiMerger;
import org.community.gateway.openapi.OpenApiMerger.Source;
import org.community.gateway.openapi.OpenApiYaml;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * contract/openapi.yaml is the strict merge, by the gateway's own merge code, of the committed documents: the
 * gateway's (gateway/openapi.yaml) and each service's (&lt;service&gt;/openapi.yaml), in the gateway's route order.
 * It is committed so every contract change shows in review; a difference fails the build. Rewrite it with
 * {@code ./mvnw -pl contract test -Dcontract.update=true} (after changing a service's document).
 */
class MergedContractTest {

    /** The gateway first, then its routes in the order of gateway/src/main/resources/application.properties. */
    static final List<String> SOURCES = List.of("gateway", "org-service", "volunteer-service", "consultation-service");

    static final Path REPO = Path.of(System.getProperty("suite.repo-root", "..")).toAbsolutePath().normalize();
    static final Path CONTRACT = REPO.resolve("contract/openapi.yaml");

    static ObjectNode mergeTheCommittedDocuments() throws Exception {
        List<Source> sources = new ArrayList<>();
        for (String name : SOURCES) {
            Path file = REPO.resolve(name).resolve("openapi.yaml");
            assertThat(file).as(name + "'s committed document").exists();
            sources.add(new Source(name, (ObjectNode) OpenApiYaml.read(Files.readAllBytes(file)), null));
        }
        return OpenApiMerger.merge(sources, OpenApiMerger.Options.suite(true));
    }

    @Test
    void theCommittedContractIsTheMergeOfTheCommittedDocuments() throws Exception {
        String merged = new String(OpenApiYaml.write(mergeTheCommittedDocuments()), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(CONTRACT, merged);
        }
        assertThat(CONTRACT).as("contract/openapi.yaml exists (write it with -Dcontract.update=true)").exists();
        assertThat(Files.readString(CONTRACT))
                .as("contract/openapi.yaml differs from the merge of the committed documents: rerun "
                        + "./mvnw -pl contract test -Dcontract.update=true and commit it")
                .isEqualTo(merged);
    }

    @Test
    void everyServiceOperationNeedsTheOneBearerSchemeAndEveryOperationIdIsUnique() throws Exception {
        JsonNode contract = OpenApiYaml.read(Files.readAllBytes(CONTRACT));

        assertThat(contract.at("/components/securitySchemes").fieldNames()).toIterable().containsExactly("bearerAuth");
        Set<String> ids = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getValue().has("responses")) {
                return;
            }
            String id = operation.getValue().path("operationId").asText();
            assertThat(id).as(operation.getKey() + " " + path.getKey() + " operationId").isNotBlank();
            if (!ids.add(id)) {
                duplicates.add(id);
            }
            if (path.getKey().startsWith("/api/v1/") && !path.getKey().startsWith("/api/v1/auth/")) {
                assertThat(operation.getValue().path("security").toString()).as(operation.getKey() + " " + path.getKey())
                        .isEqualTo("[{\"bearerAuth\":[]}]");
            }
        }));
        assertThat(duplicates).as("operationIds used twice").isEmpty();
        assertThat(contract.at("/components/schemas").fieldNames()).toIterable()
                .filteredOn(name -> name.endsWith("Problem")).containsExactly("Problem");
        assertThat(contract.at("/servers/0/url").asText()).isEqualTo("http://localhost:8080");
    }
}
