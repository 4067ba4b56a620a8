package org.community.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.community.seeds.Keycloak;
import org.community.seeds.Summary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The production identity path for real: Keycloak (the Maven Central distribution, on a JDK 21+ of this machine)
 * imports the realm file of deploy/, the gateway and the three services trust its tokens only, and the seed loader
 * scopes the demo users through Keycloak's admin API. A small cut of the seeds is loaded (the full data are
 * {@link LocalSuiteE2ETest}'s): 江欣苑 for the secretary, 康城 building 12 with an open owners' vote for the resident.
 * <p>
 * Skipped, saying why, only when the machine has no JDK 21 or newer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** smallrye.jwt.jwks.refresh-interval of the services (1 minute), plus time for a loaded machine. */
    private static final Duration KEY_REMOVAL_BOUND = Duration.ofSeconds(90);

    private static LocalSuite suite;
    private static Keycloak realm;
    private static String gateway;
    private static Summary seeds;
    /** A proposal of the secretary's community, not public yet. */
    private static String proposal;

    @BeforeAll
    static void startTheSuiteWithKeycloak() throws Exception {
        Assumptions.assumeTrue(KeycloakServer.findJava().isPresent(), () -> "Skipped: " + KeycloakServer.missingJavaMessage());
        Path repo = Path.of("..").toAbsolutePath().normalize();
        OwningSpecs.validateEveryAnswer(repo);
        Path data = Files.createDirectories(Path.of("target/e2e-keycloak")).toAbsolutePath();
        suite = new LocalSuite(LocalSuite.Config.of(repo).withPorts(Ports.free()).withDataDir(data).withFresh(true).withEcho(false)
                .withKeycloak(true));
        long t0 = System.nanoTime();
        suite.start();
        long started = System.nanoTime();
        gateway = suite.gatewayUrl();
        realm = suite.keycloak().orElseThrow().realm();
        seeds = suite.loader(null).dataDir(Path.of("src/test/resources/keycloak-e2e-seeds").toAbsolutePath()).load();
        System.out.printf("suite with Keycloak ready after %.1f s, seeds loaded in %.1f s%n", (started - t0) / 1e9,
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void theRealmOfDeployIssuesTheTokenContractAndTheLoaderScopedTheUsersInKeycloak() {
        assertThat(seeds.count("account scopes").created()).as(seeds.table()).isEqualTo(3);
        Gateway admin = as("city-admin", "demo-city");
        String jiangxinyuan = admin.unit("JXY");
        assertThat(realm.orgUnits("secretary")).containsExactly(jiangxinyuan);
        assertThat(realm.orgUnits("resident")).containsExactly(admin.unit("KC-B12"));

        JsonNode claims = payload(realm.login("secretary", "demo-secretary").accessToken());
        assertThat(claims.path("iss").asText()).isEqualTo(realm.issuer());
        assertThat(texts(claims.path("aud"))).contains(KeycloakServer.AUDIENCE);
        assertThat(claims.path("sub").asText()).as("sub: Keycloak's user id, fixed for the demo users by the realm file")
                .isEqualTo(realm.userId("secretary")).isEqualTo("7247f261-a90c-5800-a16e-a4a9a7ec6310");
        assertThat(texts(claims.path("groups"))).containsExactly("COMMUNITY_SECRETARY");
        assertThat(texts(claims.path("org_units"))).containsExactly(jiangxinyuan);

        // the gateway's built-in issuer is off: logins go to Keycloak only
        RestAssured.given().baseUri(gateway).contentType("application/json").body(Map.of("username", "secretary", "password", "demo-secretary"))
                .post("/api/v1/auth/token").then().statusCode(404);
        // a second load through Keycloak finds every scope set
        Summary again = suite.loader(null).dataDir(Path.of("src/test/resources/keycloak-e2e-seeds").toAbsolutePath()).load();
        assertThat(again.created()).as(again.table()).isZero();
    }

    @Test
    @Order(2)
    void aScopedSecretaryReadsAndWritesInsideHerCommunityAndIsRefusedOutsideIt() {
        Gateway admin = as("city-admin", "demo-city");
        Gateway secretary = as("secretary", "demo-secretary");
        String jiangxinyuan = admin.unit("JXY");
        String kangcheng = admin.unit("KC");
        String ownHousehold = admin.get("/api/v1/households?unitId=" + jiangxinyuan + "&size=1").then().statusCode(200)
                .extract().path("items[0].id");
        String otherHousehold = admin.get("/api/v1/households?unitId=" + kangcheng + "&size=1").then().statusCode(200)
                .extract().path("items[0].id");

        secretary.get("/api/v1/households/" + ownHousehold).then().statusCode(200);
        secretary.get("/api/v1/households/" + otherHousehold).then().statusCode(404);
        secretary.get("/api/v1/org-units/" + jiangxinyuan + "/stats").then().statusCode(200).body("units.byForm.BRANCH", equalTo(2));

        proposal = secretary.create("/api/v1/topics", Map.of("title", "楼道照明改造", "description", "1栋楼道灯损坏", "category", "OTHER",
                "scopeUnitId", jiangxinyuan, "proposer", "1栋居民代表"));
        secretary.post("/api/v1/topics", Map.of("title", "越权提议", "description", "d", "category", "OTHER", "scopeUnitId", kangcheng,
                "proposer", "社区书记")).then().statusCode(403).contentType("application/problem+json");
        secretary.post("/api/v1/volunteers", Map.of("name", "周丽", "phone", "13900001111", "orgUnitId", kangcheng)).then().statusCode(403);
    }

    @Test
    @Order(3)
    void theResidentFindsTheVoteOfTheirBuildingCastsTheirOwnBallotAndSeesNothingElse() {
        Gateway admin = as("city-admin", "demo-city");
        Gateway resident = as("resident", "demo-resident");
        String kangcheng = admin.unit("KC");
        String topic = admin.get("/api/v1/topics?within=" + kangcheng).then().statusCode(200).extract().path("items[0].id");
        String vote = admin.get("/api/v1/votes?topicId=" + topic).then().statusCode(200).extract().path("items[0].id");

        // the elector's account is the token's sub: the link the seeds made holds with Keycloak's tokens
        resident.get("/api/v1/votes/" + vote).then().statusCode(200).body("status", equalTo("OPEN"));
        resident.get("/api/v1/votes/" + vote + "/ballots/mine").then().statusCode(200).body("$", hasSize(0));
        resident.post("/api/v1/votes/" + vote + "/ballots", Map.of("choice", "YES")).then().statusCode(201);
        resident.get("/api/v1/votes/" + vote + "/ballots/mine").then().statusCode(200).body("[0].choice", equalTo("YES"));

        // another community's proposal does not exist for them; proposing there is refused
        resident.get("/api/v1/topics/" + proposal).then().statusCode(404);
        resident.post("/api/v1/topics", Map.of("title", "越权提议", "description", "d", "category", "OTHER", "scopeUnitId", admin.unit("JXY"),
                "proposer", "居民")).then().statusCode(403);
    }

    /**
     * console/e2e/keycloak.e2e.mjs in Debian's chromium (playwright-core, as {@link LocalSuiteE2ETest} runs the console's
     * browser tests): the gateway's /console/config.json names the realm; the secretary opens 江欣苑's page, is sent to
     * Keycloak's login page (authorization code flow with PKCE S256), types the demo password there, lands on 江欣苑, signs
     * out, and Keycloak asks for the password again (its session ended too). Before the key rotation below, which shortens
     * the realm's token lifespan to 10 s.
     */
    @Test
    @Order(4)
    void theSecretarySignsInToTheConsoleOnKeycloaksLoginPageAndIsSignedOutThereToo() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path script = repo.resolve("console/e2e/keycloak.e2e.mjs");
        assertThat(repo.resolve("console/node_modules/playwright-core")).as("the console module's build ran npm ci").exists();
        Process node = new ProcessBuilder("node", script.toString(), gateway, repo.resolve("console/docs/screenshots").toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("the browser run ends within 3 minutes").isTrue();
        System.out.println(output);
        assertThat(node.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]);
        assertThat(summary.path("ok").asBoolean()).as(output).isTrue();
        assertThat(summary.path("scenarios")).as(output).hasSize(2);
    }

    @Test
    @Order(5)
    void aRefreshTokenGivesANewAccessTokenUntilTheUsersSessionsAreEndedByAnAdministrator() {
        Keycloak.Tokens login = realm.login("secretary", "demo-secretary");
        Keycloak.Tokens refreshed = realm.refresh(login.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
        assertThat(payload(refreshed.accessToken()).path("sid").asText()).isEqualTo(payload(login.accessToken()).path("sid").asText());
        Gateway.withToken(gateway, refreshed.accessToken()).get("/api/v1/topics?size=1").then().statusCode(200);

        // revoked: the administrator ends all of the user's sessions
        realm.admin("POST", "users/" + realm.userId("secretary") + "/logout", null);
        assertThatThrownBy(() -> realm.refresh(refreshed.refreshToken())).isInstanceOfSatisfying(Keycloak.KeycloakException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("invalid_grant");
                });
        assertThatThrownBy(() -> realm.refresh(login.refreshToken())).isInstanceOf(Keycloak.KeycloakException.class);
        // a new login starts a new session
        Gateway.withToken(gateway, realm.login("secretary", "demo-secretary").accessToken()).get("/api/v1/topics?size=1").then().statusCode(200);
    }

    /**
     * Keycloak's signing key is rotated: a new RSA key with a higher priority signs from then on, tokens of both keys are
     * accepted by every service during the overlap, and once the old key is removed every service refuses its tokens within
     * the JWKS refresh interval. Meanwhile a token issued with a 10 s lifespan is refused once it has expired (plus the
     * services' clock-skew allowance), through the gateway and at each service.
     */
    @Test
    @Order(6)
    void afterAKeyRotationBothKeysAreAcceptedUntilTheOldOneIsRemovedAndExpiredTokensAreRefused() throws Exception {
        String oldToken = realm.login("secretary", "demo-secretary").accessToken();
        String oldKid = kid(oldToken);
        assertAccepted(oldToken);

        String realmId = realm.admin("GET", "", null).path("id").asText();
        Map<String, Object> rotated = new LinkedHashMap<>();
        rotated.put("name", "rsa-rotated");
        rotated.put("providerId", "rsa-generated");
        rotated.put("providerType", "org.keycloak.keys.KeyProvider");
        rotated.put("parentId", realmId);
        rotated.put("config", Map.of("priority", List.of("1000"), "keySize", List.of("2048"), "algorithm", List.of("RS256")));
        realm.admin("POST", "components", rotated);

        String newToken = realm.login("secretary", "demo-secretary").accessToken();
        assertThat(kid(newToken)).as("the new key signs").isNotEqualTo(oldKid);
        assertAccepted(newToken);
        assertAccepted(oldToken);

        Map<String, Object> shortLived = Map.of("accessTokenLifespan", 10);
        realm.admin("PUT", "", shortLived);
        String expiring = realm.login("secretary", "demo-secretary").accessToken();
        long expiresAt = payload(expiring).path("exp").asLong();
        assertThat(expiresAt - payload(expiring).path("iat").asLong()).isEqualTo(10);
        assertAccepted(expiring);

        String oldProvider = null;
        for (JsonNode key : realm.admin("GET", "keys", null).path("keys")) {
            if (oldKid.equals(key.path("kid").asText())) {
                oldProvider = key.path("providerId").asText();
            }
        }
        assertThat(oldProvider).as("the provider of key " + oldKid).isNotNull();
        realm.admin("DELETE", "components/" + oldProvider, null);
        long removedAt = System.nanoTime();

        Map<String, Long> oldKeyRefusedAfterMillis = new LinkedHashMap<>();
        Map<String, Long> expiredRefusedAtEpoch = new LinkedHashMap<>();
        long deadline = removedAt + KEY_REMOVAL_BOUND.toNanos();
        while (System.nanoTime() < deadline && (oldKeyRefusedAfterMillis.size() < 3 || expiredRefusedAtEpoch.size() < 4)) {
            for (String service : List.of("org-service", "volunteer-service", "consultation-service")) {
                if (!oldKeyRefusedAfterMillis.containsKey(service) && status(suite.serviceUrl(service), readPath(service), oldToken) == 401) {
                    oldKeyRefusedAfterMillis.put(service, (System.nanoTime() - removedAt) / 1_000_000);
                }
                if (!expiredRefusedAtEpoch.containsKey(service) && status(suite.serviceUrl(service), readPath(service), expiring) == 401) {
                    expiredRefusedAtEpoch.put(service, System.currentTimeMillis() / 1000);
                }
            }
            if (!expiredRefusedAtEpoch.containsKey("gateway") && status(gateway, readPath("consultation-service"), expiring) == 401) {
                expiredRefusedAtEpoch.put("gateway", System.currentTimeMillis() / 1000);
            }
            Thread.sleep(1_000);
        }
        assertThat(oldKeyRefusedAfterMillis).as("services refusing the removed key (ms after its removal)")
                .containsOnlyKeys("org-service", "volunteer-service", "consultation-service");
        assertThat(expiredRefusedAtEpoch).as("refusing the expired token").containsOnlyKeys("org-service", "volunteer-service",
                "consultation-service", "gateway");
        expiredRefusedAtEpoch.values().forEach(at -> assertThat(at).as("refused after exp " + expiresAt).isGreaterThanOrEqualTo(expiresAt));
        System.out.println("key rotation: old key refused after " + oldKeyRefusedAfterMillis + " ms; token with exp " + expiresAt
                + " refused at " + expiredRefusedAtEpoch);

        // the old key's token is refused through the gateway too (by the service behind it); the new key's goes on working
        assertThat(status(gateway, readPath("org-service"), oldToken)).isEqualTo(401);
        assertAccepted(newToken);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Gateway as(String username, String password) {
        return Gateway.withToken(gateway, realm.login(username, password).accessToken());
    }

    /** 200 from each service directly and through the gateway. */
    /** The consumers of org-service's change feed log in at Keycloak with their realm client (client-credentials grant). */
    @Test
    @Order(7)
    void aServiceAccountTokenFromKeycloakReadsTheChangeFeedAndAUsersTokenDoesNot() throws Exception {
        String token = RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "volunteer-service")
                .formParam("client_secret", suite.feedClientSecret("volunteer-service"))
                .post(realm.tokenUrl()).then().statusCode(200).extract().path("access_token");
        JsonNode claims = payload(token);
        assertThat(claims.path("iss").asText()).isEqualTo(realm.issuer());
        assertThat(texts(claims.path("aud"))).contains(KeycloakServer.AUDIENCE);
        assertThat(texts(claims.path("groups"))).contains("SERVICE");
        assertThat(suite.feedTokenUrl()).isEqualTo(realm.tokenUrl());
        Gateway service = Gateway.withToken(gateway, token);
        service.get("/api/v1/org-units/changes?after=0&limit=10").then().statusCode(200);
        service.get("/api/v1/org-units/snapshot?limit=10").then().statusCode(200);
        as("city-admin", "demo-city").get("/api/v1/org-units/changes").then().statusCode(403);
        RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "volunteer-service")
                .formParam("client_secret", "wrong").post(realm.tokenUrl()).then().statusCode(401);
    }

    private static void assertAccepted(String token) {
        for (String service : List.of("org-service", "volunteer-service", "consultation-service")) {
            assertThat(status(suite.serviceUrl(service), readPath(service), token)).as(service).isEqualTo(200);
            assertThat(status(gateway, readPath(service), token)).as("gateway → " + service).isEqualTo(200);
        }
    }

    private static String readPath(String service) {
        return switch (service) {
            case "org-service" -> "/api/v1/members?size=1";
            case "volunteer-service" -> "/api/v1/volunteers?size=1";
            default -> "/api/v1/topics?size=1";
        };
    }

    private static int status(String baseUri, String path, String token) {
        return Gateway.withToken(baseUri, token).get(path).statusCode();
    }

    private static JsonNode payload(String jwt) {
        return part(jwt, 1);
    }

    private static String kid(String jwt) {
        return part(jwt, 0).path("kid").asText();
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
