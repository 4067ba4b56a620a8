package org.community.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose/keycloak/realm.json against gateway/README.md's token contract. */
class KeycloakRealmTest {

    static JsonNode realm;
    static JsonNode client;

    @BeforeAll
    static void load() throws Exception {
        realm = new ObjectMapper().readTree(Suite.read(Suite.deploy().resolve("compose/keycloak/realm.json")));
        client = client("community-web");
    }

    @Test
    void realmCommunityWithTheRolesOfTheTokenContract() {
        assertThat(realm.get("realm").asText()).isEqualTo("community");
        assertThat(realm.get("enabled").asBoolean()).isTrue();
        List<String> roles = realm.at("/roles/realm").findValuesAsText("name");
        assertThat(Suite.roles()).hasSize(8);
        // the demo users' roles, and SERVICE of the service accounts (no demo user has it)
        assertThat(roles).containsAll(Suite.roles()).contains("SERVICE").hasSize(9)
                .containsExactlyInAnyOrder("CITY_ADMIN", "DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY",
                        "GRID_WORKER", "TEAM_LEADER", "VOLUNTEER", "RESIDENT", "SERVICE");
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(3600);
    }

    @Test
    void frontEndClientPutsAudienceGroupsAndOrgUnitsIntoAccessTokens() {
        assertThat(realm.get("clients")).hasSize(3);
        assertThat(client.get("clientId").asText()).isEqualTo("community-web");
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        // the console served by the gateway (./suite.sh up --keycloak, compose) comes back to /console/signin/callback,
        // exchanges the code from its own origin and returns to its sign-in page after signing out
        assertThat(client.get("redirectUris")).extracting(JsonNode::asText).contains("http://localhost:8080/*");
        assertThat(client.get("webOrigins")).extracting(JsonNode::asText).contains("http://localhost:8080");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText().split("##")).contains("http://localhost:8080/*");

        JsonNode audience = mapper("oidc-audience-mapper");
        assertThat(audience.at("/config/included.custom.audience").asText())
                .isEqualTo(Suite.properties("gateway").getProperty("gateway.auth.issuer.audience"));
        assertThat(audience.at("/config/access.token.claim").asText()).isEqualTo("true");

        JsonNode groups = mapper("oidc-usermodel-realm-role-mapper");
        assertThat(groups.at("/config/claim.name").asText()).isEqualTo("groups");
        assertThat(groups.at("/config/multivalued").asText()).isEqualTo("true");
        assertThat(groups.at("/config/access.token.claim").asText()).isEqualTo("true");

        JsonNode orgUnits = mapper("oidc-usermodel-attribute-mapper");
        assertThat(orgUnits.at("/config/user.attribute").asText()).isEqualTo("org_units");
        assertThat(orgUnits.at("/config/claim.name").asText()).isEqualTo("org_units");
        assertThat(orgUnits.at("/config/multivalued").asText()).isEqualTo("true");
        assertThat(orgUnits.at("/config/jsonType.label").asText()).isEqualTo("String");
        assertThat(orgUnits.at("/config/access.token.claim").asText()).isEqualTo("true");

        JsonNode upn = mapper("oidc-usermodel-property-mapper");
        assertThat(upn.at("/config/claim.name").asText()).isEqualTo("upn");
    }

    @Test
    void userProfileDeclaresOrgUnitsAsMultivalued() throws Exception {
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        JsonNode profile = new ObjectMapper().readTree(provider.at("/config/kc.user.profile.config/0").asText());
        JsonNode orgUnits = null;
        for (JsonNode attribute : profile.get("attributes")) {
            if (attribute.get("name").asText().equals("org_units")) {
                orgUnits = attribute;
            }
        }
        assertThat(orgUnits).as("org_units in the user profile").isNotNull();
        assertThat(orgUnits.get("multivalued").asBoolean()).isTrue();
        assertThat(orgUnits.at("/permissions/edit").toString()).isEqualTo("[\"admin\"]");
        assertThat(profile.findValuesAsText("name")).contains("username", "email", "firstName", "lastName");
    }

    @Test
    void oneDemoUserPerRoleWithTheGatewaysDemoPasswords() {
        Map<String, String> passwords = Map.of("city-admin", "demo-city", "district-admin", "demo-district",
                "street-admin", "demo-street", "secretary", "demo-secretary", "grid-worker", "demo-grid",
                "team-leader", "demo-team", "volunteer", "demo-volunteer", "resident", "demo-resident");
        java.util.List<JsonNode> users = new java.util.ArrayList<>();
        realm.get("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                users.add(user);
            }
        });
        assertThat(users).hasSize(8);
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (JsonNode user : users) {
            String name = user.get("username").asText();
            assertThat(passwords).containsKey(name);
            assertThat(user.at("/credentials/0/value").asText()).isEqualTo(passwords.get(name));
            assertThat(user.at("/credentials/0/temporary").asBoolean()).isFalse();
            assertThat(user.get("enabled").asBoolean()).isTrue();
            assertThat(user.get("realmRoles")).hasSize(1);
            String role = user.get("realmRoles").get(0).asText();
            assertThat(Suite.properties("gateway").getProperty("gateway.auth.issuer.accounts." + name + ".roles"))
                    .as("same role as the gateway's demo account " + name).isEqualTo(role);
            roles.add(role);
            assertThat(user.at("/attributes/org_units").isArray()).isTrue();
        }
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Suite.roles());
    }

    @Test
    void eachFeedConsumerHasAConfidentialClientWhoseServiceAccountHoldsServiceInGroups() {
        for (String clientId : List.of("volunteer-service", "consultation-service")) {
            JsonNode consumer = client(clientId);
            assertThat(consumer.get("publicClient").asBoolean()).isFalse();
            assertThat(consumer.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(consumer.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(consumer.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(consumer.get("secret").asText()).isNotBlank();
            assertThat(mapper(consumer, "oidc-audience-mapper").at("/config/included.custom.audience").asText())
                    .isEqualTo(Suite.properties("gateway").getProperty("gateway.auth.issuer.audience"));
            JsonNode groups = mapper(consumer, "oidc-usermodel-realm-role-mapper");
            assertThat(groups.at("/config/claim.name").asText()).isEqualTo("groups");
            assertThat(groups.at("/config/access.token.claim").asText()).isEqualTo("true");
            JsonNode account = null;
            for (JsonNode user : realm.get("users")) {
                if (clientId.equals(user.path("serviceAccountClientId").asText())) {
                    account = user;
                }
            }
            assertThat(account).as("service account of " + clientId).isNotNull();
            assertThat(account.get("username").asText()).isEqualTo("service-account-" + clientId);
            assertThat(account.get("realmRoles").toString()).isEqualTo("[\"SERVICE\"]");
        }
    }

    private static JsonNode client(String clientId) {
        for (JsonNode candidate : realm.get("clients")) {
            if (candidate.get("clientId").asText().equals(clientId)) {
                return candidate;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode mapper(String type) {
        return mapper(client, type);
    }

    private static JsonNode mapper(JsonNode client, String type) {
        for (JsonNode mapper : client.get("protocolMappers")) {
            if (mapper.get("protocolMapper").asText().equals(type)) {
                return mapper;
            }
        }
        throw new AssertionError("no " + type + " on " + client.get("clientId"));
    }
}
