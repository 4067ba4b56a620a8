package org.community.gateway.proxy;

import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/** Which headers cross the proxy: everything except hop-by-hop headers (RFC 9110 §7.6.1). */
final class Headers {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "expect");

    private Headers() {
    }

    /** Copies end-to-end headers, leaving out hop-by-hop ones and any named in {@code Connection}. */
    static void copy(MultiMap from, MultiMap to) {
        String connection = from.get("connection");
        for (var entry : from) {
            String name = entry.getKey();
            if (HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) || listed(connection, name)) {
                continue;
            }
            to.add(name, entry.getValue());
        }
    }

    private static boolean listed(String connection, String name) {
        if (connection == null) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
