package org.community.seeds;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data of {@code seeds/data} into a running suite through the gateway's public API only (no database
 * access), as the demo user {@code city-admin} (logged in at the gateway's built-in issuer, or at Keycloak). Idempotent: every item is looked up by its natural key first (unit
 * codes; a household's building, entrance and room; a member's branch, name and birth date; a volunteer's phone; a
 * team's, partner's, topic's or meeting's name within its parent), bulk kinds are listed once, 200 a page, and only
 * what is missing is created, each POST with an {@code Idempotency-Key} derived from the item. Running it twice creates
 * nothing the second time.
 *
 * <pre>{@code
 * Summary summary = SeedLoader.to(URI.create("http://localhost:8080")).dataDir(Path.of("seeds/data"))
 *         .progress(System.err).load();
 * }</pre>
 *
 * As a program: {@code java -jar seeds/target/seeds.jar --gateway http://localhost:8080 [--data seeds/data] [--quiet]}, with
 * {@code --keycloak URL} (see {@link #keycloak}) when Keycloak issues the tokens.
 */
public final class SeedLoader {

    private final URI gateway;
    private Path dataDir = Path.of("seeds", "data");
    private PrintStream progressOut = System.err;
    private int inFlight = 8;
    private String username;
    private String password;
    private Keycloak keycloak;

    private Api api;
    private Progress progress;
    private Summary summary;
    /** Unit code → id, for every unit under the seeds' top units. */
    final Map<String, String> units = new ConcurrentHashMap<>();

    private SeedLoader(URI gateway) {
        this.gateway = gateway;
    }

    /** A loader for the suite behind this gateway URL. */
    public static SeedLoader to(URI gateway) {
        return new SeedLoader(gateway);
    }

    /** The directory with the community files and {@code accounts.yaml}; {@code seeds/data} by default. */
    public SeedLoader dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /** Where the progress bar goes (stderr by default); null for none. */
    public SeedLoader progress(PrintStream out) {
        this.progressOut = out;
        return this;
    }

    /** Requests in flight for bulk kinds (8 by default). */
    public SeedLoader inFlight(int requests) {
        this.inFlight = Math.max(1, requests);
        return this;
    }

    /** Log in as another CITY_ADMIN than {@code city-admin} from accounts.yaml. */
    public SeedLoader credentials(String user, String secret) {
        this.username = user;
        this.password = secret;
        return this;
    }

    /**
     * Use this Keycloak realm as the identity provider: the loader logs in there (password grant) instead of at the
     * gateway's built-in issuer, and sets the demo users' scopes as their {@code org_units} attribute through Keycloak's
     * admin API instead of the gateway's account endpoint.
     */
    public SeedLoader keycloak(Keycloak realm) {
        this.keycloak = realm;
        return this;
    }

    /**
     * Only the demo accounts' scopes: each account's unit (by code, from accounts.yaml) is looked up and set as its scope
     * where it is not that already. For a suite whose data are loaded but whose identity provider is new.
     */
    public Summary scopeAccounts() {
        long t0 = System.nanoTime();
        summary = new Summary();
        progress = new Progress(progressOut);
        List<SeedData.Account> accounts = SeedData.accounts(dataDir);
        api = new Api(gateway);
        login(accounts);
        for (SeedData.Account account : accounts) {
            units.computeIfAbsent(account.unit(), code -> {
                JsonNode found = api.get("/api/v1/org-units?code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
                return found.path("items").isEmpty() ? null : found.path("items").get(0).path("id").asText();
            });
        }
        setScopes(accounts);
        summary.elapsed(Duration.ofNanos(System.nanoTime() - t0));
        return summary;
    }

    /** Loads everything missing and answers what was created and what was there already. */
    public Summary load() {
        long t0 = System.nanoTime();
        summary = new Summary();
        progress = new Progress(progressOut);
        List<Plan> plans = SeedData.communities(dataDir).stream().map(Plan::new).toList();
        List<SeedData.Account> accounts = SeedData.accounts(dataDir);
        api = new Api(gateway);
        login(accounts);

        loadUnitsAndHouseholds(plans);
        loadCentralHouseholds(plans);
        loadMembers(plans);
        DuesSeeds dues = new DuesSeeds(api, progress, summary, units, inFlight);
        plans.forEach(dues::load);
        VolunteerSeeds volunteers = new VolunteerSeeds(api, progress, summary, units, inFlight);
        for (Plan plan : plans) {
            volunteers.load(plan);
        }
        ConsultationSeeds consultation = new ConsultationSeeds(api, progress, summary, units, inFlight);
        for (Plan plan : plans) {
            consultation.load(plan);
        }
        EducationSeeds education = new EducationSeeds(api, progress, summary, units, inFlight);
        for (Plan plan : plans) {
            education.load(plan);
        }
        setScopes(accounts);

        summary.elapsed(Duration.ofNanos(System.nanoTime() - t0));
        progress.line("Seeds loaded:\n" + summary.table());
        return summary;
    }

    private void login(List<SeedData.Account> accounts) {
        String user = username;
        String secret = password;
        if (user == null) {
            SeedData.Account admin = accounts.stream().filter(a -> "CITY_ADMIN".equals(a.role())).findFirst().orElse(null);
            user = admin == null ? "city-admin" : admin.username();
            secret = admin == null ? "demo-city" : admin.password();
        }
        if (keycloak == null) {
            api.login(user, secret);
        } else {
            String name = user;
            String pass = secret;
            api.useTokens(() -> keycloak.login(name, pass).accessToken());
            Map<String, String> ids = new ConcurrentHashMap<>();
            api.accountIds(account -> ids.computeIfAbsent(account, keycloak::userId));
        }
    }

    // ---- org units and households -------------------------------------------------------------------------------

    /**
     * Lists what exists under each top unit, then writes every missing unit and household in ONE import (org-service
     * checks all rows and writes them in one transaction), and lists again for the ids of the new units.
     */
    private void loadUnitsAndHouseholds(List<Plan> plans) {
        Progress.Step listing = progress.step("org units: looking up", plans.size());
        Set<String> roots = new LinkedHashSet<>();
        for (Plan plan : plans) {
            roots.add(plan.regionUnits.isEmpty() ? plan.communityCode() : plan.regionUnits.get(0).code());
        }
        for (String root : roots) {
            listUnitsUnder(root);
        }
        Map<String, Set<String>> existingHouseholds = new HashMap<>();
        Map<String, String> codeById = new HashMap<>();
        units.forEach((code, id) -> codeById.put(id, code));
        for (Plan plan : plans) {
            String communityId = units.get(plan.communityCode());
            if (!plan.households.isEmpty() && communityId != null) {
                Set<String> keys = new java.util.HashSet<>();
                api.each("/api/v1/households", Map.of("unitId", communityId), h -> keys.add(codeById.get(h.path("buildingUnitId").asText())
                        + "|" + h.path("address").path("entrance").asText("") + "|" + h.path("address").path("room").asText()));
                existingHouseholds.put(plan.communityCode(), keys);
            }
            listing.add(1);
        }
        listing.finish();

        StringBuilder ndjson = new StringBuilder();
        long newUnits = 0;
        long oldUnits = 0;
        long newHouseholds = 0;
        long oldHouseholds = 0;
        Set<String> written = new java.util.HashSet<>();
        for (Plan plan : plans) {
            List<Plan.PlannedUnit> all = new ArrayList<>(plan.regionUnits);
            all.add(plan.community);
            all.addAll(plan.units);
            for (Plan.PlannedUnit unit : all) {
                if (!written.add(unit.code())) {
                    continue; // a region unit shared by two community files
                }
                if (units.containsKey(unit.code())) {
                    oldUnits++;
                    continue;
                }
                ObjectNode row = Api.JSON.createObjectNode().put("type", "unit").put("code", unit.code()).put("name", unit.name())
                        .put("level", unit.level());
                putIf(row, "parentCode", unit.parentCode());
                putIf(row, "form", unit.form());
                putIf(row, "leaderName", unit.leaderName());
                putIf(row, "address", unit.address());
                putIf(row, "establishedOn", unit.establishedOn() == null ? null : unit.establishedOn().toString());
                ndjson.append(row).append('\n');
                newUnits++;
            }
            Set<String> existing = existingHouseholds.getOrDefault(plan.communityCode(), Set.of());
            for (Plan.PlannedHousehold household : plan.households) {
                if (existing.contains(household.key())) {
                    oldHouseholds++;
                    continue;
                }
                ObjectNode row = Api.JSON.createObjectNode().put("type", "household").put("buildingCode", household.buildingCode())
                        .put("entrance", household.entrance()).put("room", household.room()).put("residentsCount", household.residents())
                        .put("headName", household.headName()).put("phone", household.phone());
                ndjson.append(row).append('\n');
                newHouseholds++;
            }
        }
        summary.created("org units", newUnits);
        summary.existing("org units", oldUnits);
        summary.created("households", newHouseholds);
        summary.existing("households", oldHouseholds);
        if (ndjson.length() == 0) {
            return;
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode job = api.postBytes("/api/v1/imports", body, "application/x-ndjson; charset=UTF-8", "seeds-import-" + sha256(body));
        String jobId = job.path("id").asText();
        Progress.Step step = progress.step("org units + households (import)", job.path("totalRows").asLong(newUnits + newHouseholds));
        long done = 0;
        while (true) {
            String status = job.path("status").asText();
            long rowsDone = job.path("rowsDone").asLong();
            if (rowsDone > done) {
                step.add(rowsDone - done);
                done = rowsDone;
            }
            if ("SUCCEEDED".equals(status)) {
                break;
            }
            if ("FAILED".equals(status) || "ABANDONED".equals(status)) {
                throw new IllegalStateException("the import of the seed units and households " + status.toLowerCase(Locale.ROOT)
                        + ": " + job.path("errors"));
            }
            sleep(150);
            job = api.get("/api/v1/imports/" + jobId);
        }
        step.finish();
        for (String root : roots) {
            listUnitsUnder(root);
        }
    }

    private void listUnitsUnder(String rootCode) {
        JsonNode found = api.get("/api/v1/org-units?code=" + rootCode);
        if (found.path("items").isEmpty()) {
            return;
        }
        String rootId = found.path("items").get(0).path("id").asText();
        units.put(rootCode, rootId);
        api.each("/api/v1/org-units", Map.of("within", rootId), u -> units.put(u.path("code").asText(), u.path("id").asText()));
    }

    // ---- central households -------------------------------------------------------------------------------------

    private void loadCentralHouseholds(List<Plan> plans) {
        for (Plan plan : plans) {
            if (plan.centrals.isEmpty()) {
                continue;
            }
            Map<String, JsonNode> byKey = householdsOf(plan);
            Progress.Step step = progress.step(plan.communityName() + " central households", plan.centrals.size());
            SeedData.CentralHouseholds spec = plan.source.centralHouseholds();
            Parallel.each(plan.centrals, inFlight, central -> {
                JsonNode household = required(byKey, central.household().key());
                String id = household.path("id").asText();
                if (household.path("central").isObject()) {
                    summary.existing("central households", 1);
                } else {
                    ObjectNode body = Api.JSON.createObjectNode().put("plaqueDate", spec.plaqueDate().toString())
                            .put("note", "联系本单元 " + central.serves().size() + " 户");
                    api.post("/api/v1/households/" + id + "/central", body, idempotencyKey("central", central.household().key()));
                    summary.created("central households", 1);
                }
                for (Plan.PlannedHousehold served : central.serves()) {
                    JsonNode neighbour = required(byKey, served.key());
                    if (id.equals(neighbour.path("servedBy").asText(null))) {
                        summary.existing("served households", 1);
                    } else {
                        api.put("/api/v1/households/" + id + "/served/" + neighbour.path("id").asText(), null);
                        summary.created("served households", 1);
                    }
                }
            }, step);
            step.finish();
        }
    }

    private Map<String, JsonNode> householdsOf(Plan plan) {
        Map<String, String> codeById = new HashMap<>();
        units.forEach((code, id) -> codeById.put(id, code));
        Map<String, JsonNode> byKey = new HashMap<>();
        api.each("/api/v1/households", Map.of("unitId", units.get(plan.communityCode())), h -> byKey.put(
                codeById.get(h.path("buildingUnitId").asText()) + "|" + h.path("address").path("entrance").asText("") + "|"
                        + h.path("address").path("room").asText(), h));
        return byKey;
    }

    private static JsonNode required(Map<String, JsonNode> byKey, String key) {
        JsonNode node = byKey.get(key);
        if (node == null) {
            throw new IllegalStateException("household " + key + " is missing after the import");
        }
        return node;
    }

    // ---- members ------------------------------------------------------------------------------------------------

    private void loadMembers(List<Plan> plans) {
        for (Plan plan : plans) {
            if (plan.members.isEmpty()) {
                continue;
            }
            Map<String, String> codeById = new HashMap<>();
            units.forEach((code, id) -> codeById.put(id, code));
            Set<String> existing = ConcurrentHashMap.newKeySet();
            api.each("/api/v1/members", Map.of("within", units.get(plan.communityCode())), m -> existing.add(
                    codeById.get(m.path("unitId").asText()) + "|" + m.path("name").asText() + "|" + m.path("birthDate").asText()));
            List<Plan.PlannedMember> missing = plan.members.stream().filter(m -> !existing.contains(m.key())).toList();
            summary.existing("party members", plan.members.size() - missing.size());
            Progress.Step step = progress.step(plan.communityName() + " party members", missing.size());
            Parallel.each(missing, inFlight, member -> {
                ObjectNode body = Api.JSON.createObjectNode().put("unitId", units.get(member.unitCode())).put("name", member.name())
                        .put("gender", member.female() ? "FEMALE" : "MALE").put("birthDate", member.birthDate().toString())
                        .put("ethnicity", "汉族").put("education", member.education()).put("phone", member.phone())
                        .put("idNumber", member.idNumber()).put("status", member.status())
                        .put("statusOn", member.statusOn().toString()).put("admittedOn", member.admittedOn().toString());
                api.post("/api/v1/members", body, idempotencyKey("member", member.key()));
                summary.created("party members", 1);
            }, step);
            step.finish();
        }
    }

    // ---- demo account scopes ------------------------------------------------------------------------------------

    /**
     * Sets each demo account's scope to its unit from accounts.yaml, where it is not that already: at the gateway's
     * built-in issuer, or as the user's {@code org_units} attribute in Keycloak.
     */
    private void setScopes(List<SeedData.Account> accounts) {
        Progress.Step step = progress.step(keycloak == null ? "demo account scopes" : "demo user scopes (Keycloak)", accounts.size());
        Map<String, List<String>> current = new HashMap<>();
        if (keycloak == null) {
            for (JsonNode account : api.get("/api/v1/auth/accounts")) {
                List<String> scope = new ArrayList<>();
                account.path("orgUnits").forEach(u -> scope.add(u.asText()));
                current.put(account.path("username").asText(), scope);
            }
        } else {
            accounts.forEach(account -> current.put(account.username(), keycloak.orgUnits(account.username())));
        }
        for (SeedData.Account account : accounts) {
            String id = units.get(account.unit());
            if (id == null) {
                throw new IllegalStateException("accounts.yaml scopes " + account.username() + " to unit " + account.unit()
                        + ", which no community file defines");
            }
            if (List.of(id).equals(current.get(account.username()))) {
                summary.existing("account scopes", 1);
            } else if (keycloak == null) {
                api.put("/api/v1/auth/accounts/" + account.username() + "/org-units", Map.of("orgUnits", List.of(id)));
                summary.created("account scopes", 1);
            } else {
                keycloak.setOrgUnits(account.username(), List.of(id));
                summary.created("account scopes", 1);
            }
            step.add(1);
        }
        step.finish();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Idempotency-Key derived from an item's natural key (hashed: header values must be ASCII). */
    static String idempotencyKey(String kind, String naturalKey) {
        return "seed-" + kind + "-" + sha256(naturalKey.getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The demo logins as a text table: user, password, role, scope (the unit's name from the community files). */
    public static String accountTable(Path dataDir) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (SeedData.Community community : SeedData.communities(dataDir)) {
                Plan plan = new Plan(community);
                plan.regionUnits.forEach(u -> names.put(u.code(), u.name()));
                names.put(plan.communityCode(), plan.communityName());
                for (Plan.PlannedUnit unit : plan.units) {
                    String parent = names.getOrDefault(unit.parentCode(), "");
                    names.put(unit.code(), parent + " " + unit.name());
                }
            }
        } catch (RuntimeException e) {
            return "  (cannot read " + dataDir + ": " + e.getMessage() + ")\n";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-15s %-15s %-20s %s%n", "user", "password", "role", "scope"));
        for (SeedData.Account account : SeedData.accounts(dataDir)) {
            b.append(String.format(Locale.ROOT, "  %-15s %-15s %-20s %s (%s)%n", account.username(), account.password(), account.role(),
                    names.getOrDefault(account.unit(), "?"), account.unit()));
        }
        return b.toString();
    }

    private static final String USAGE = """
            usage: java -jar seeds/target/seeds.jar [--gateway http://localhost:8080] [--data seeds/data] [--in-flight 8] [--quiet]
                   [--keycloak http://localhost:8180 [--realm community] [--client community-web]
                    [--keycloak-admin admin] [--keycloak-admin-password …] [--keycloak-admin-realm master]] [--scopes-only]
              --gateway        the suite's gateway (everything but the scopes goes through its public API)
              --keycloak       log in at this Keycloak (no /realms/… path) instead of the gateway's built-in issuer, and set the
                               demo users' org_units attribute through its admin API (the password defaults to the environment
                               variable KEYCLOAK_ADMIN_PASSWORD, else admin)
              --scopes-only    only set the demo accounts' scopes (the data are loaded already)""";

    /** See {@link #USAGE}. */
    public static void main(String[] args) {
        URI gateway = URI.create("http://localhost:8080");
        Path data = Path.of("seeds", "data");
        boolean quiet = false;
        boolean scopesOnly = false;
        int inFlight = 8;
        String keycloakUrl = null;
        String realm = "community";
        String client = "community-web";
        String adminRealm = "master";
        String admin = "admin";
        String adminPassword = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--gateway" -> gateway = URI.create(value(args, ++i, arg));
                    case "--data" -> data = Path.of(value(args, ++i, arg));
                    case "--in-flight" -> inFlight = Integer.parseInt(value(args, ++i, arg));
                    case "--quiet" -> quiet = true;
                    case "--scopes-only" -> scopesOnly = true;
                    case "--keycloak" -> keycloakUrl = value(args, ++i, arg);
                    case "--realm" -> realm = value(args, ++i, arg);
                    case "--client" -> client = value(args, ++i, arg);
                    case "--keycloak-admin" -> admin = value(args, ++i, arg);
                    case "--keycloak-admin-password" -> adminPassword = value(args, ++i, arg);
                    case "--keycloak-admin-realm" -> adminRealm = value(args, ++i, arg);
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg + " (try --help)");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            SeedLoader loader = SeedLoader.to(gateway).dataDir(data).inFlight(inFlight).progress(quiet ? null : System.err);
            if (keycloakUrl != null) {
                loader.keycloak(Keycloak.at(URI.create(keycloakUrl)).realm(realm).client(client).administrator(adminRealm, admin, adminPassword));
            }
            Summary summary = scopesOnly ? loader.scopeAccounts() : loader.load();
            if (quiet || scopesOnly) {
                System.out.println(summary.table());
            }
        } catch (RuntimeException e) {
            System.err.println("\nLoading the seeds failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value (try --help)");
        }
        return args[index];
    }
}
