package org.community.gateway.auth;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A demo account of the built-in issuer, without its password. */
@Schema(requiredProperties = {"username", "displayName", "roles", "orgUnits"}, description = "A demo account of the built-in issuer", example = "{\"username\":\"grid-worker\",\"displayName\":\"网格员 李四\","
        + "\"roles\":[\"GRID_WORKER\"],\"orgUnits\":[\"0192f1c4-7a3e-7c1a-9c55-3f0e6d1b2a10\"]}")
public record AccountView(String username, String displayName, Set<String> roles, List<String> orgUnits) {
}
