package org.community.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports of a local suite: gateway, the three services, PostgreSQL, Keycloak (used only with {@code --keycloak}), and
 * the management ports of the gateway and the services, where each serves {@code /q/health} and {@code /q/metrics}
 * (the jars are built with Quarkus' management interface on, as production runs them). {@link #free()} picks unused
 * ones (for tests running beside a developer's suite).
 */
public record Ports(int gateway, int org, int volunteer, int consultation, int postgres, int keycloak, int gatewayOps, int orgOps,
        int volunteerOps, int consultationOps) {

    private static final int COUNT = 10;

    /**
     * The ports of the README: gateway 8080, services 8081–8083, PostgreSQL 55430, Keycloak 8180 (as in deploy/compose),
     * management 9000 (gateway) and 9001–9003 (services).
     */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 55430, 8180, 9000, 9001, 9002, 9003);
    }

    /** Ports the operating system reports free right now. */
    public static Ports free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < COUNT; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
        } catch (IOException e) {
            throw new IllegalStateException("could not find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket nobody used
                }
            }
        }
    }

    /**
     * Overrides from a flag value such as {@code gateway=9080,postgres=55440}; names are
     * gateway, org, volunteer, consultation, postgres, keycloak, gateway-ops, org-ops, volunteer-ops, consultation-ops.
     */
    public Ports with(String overrides) {
        Map<String, Integer> values = asMap();
        for (String part : overrides.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            String name = pair[0].trim();
            if (pair.length != 2 || !values.containsKey(name)) {
                throw new IllegalArgumentException("--ports takes name=port pairs separated by commas, names "
                        + String.join(", ", values.keySet()) + "; got '" + part + "'");
            }
            int port;
            try {
                port = Integer.parseInt(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ports " + name + " needs a number, got '" + pair[1] + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--ports " + name + "=" + port + " is outside 1..65535");
            }
            values.put(name, port);
        }
        return new Ports(values.get("gateway"), values.get("org"), values.get("volunteer"), values.get("consultation"),
                values.get("postgres"), values.get("keycloak"), values.get("gateway-ops"), values.get("org-ops"),
                values.get("volunteer-ops"), values.get("consultation-ops"));
    }

    /** name → port, in start order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("gateway", gateway);
        map.put("org", org);
        map.put("volunteer", volunteer);
        map.put("consultation", consultation);
        map.put("postgres", postgres);
        map.put("keycloak", keycloak);
        map.put("gateway-ops", gatewayOps);
        map.put("org-ops", orgOps);
        map.put("volunteer-ops", volunteerOps);
        map.put("consultation-ops", consultationOps);
        return map;
    }

    /**
     * The first port that is taken or given twice, as a message naming the flag to change it; null when all are usable.
     * Keycloak's port counts only when Keycloak runs.
     */
    String problem(boolean withKeycloak) {
        Map<String, Integer> used = asMap();
        if (!withKeycloak) {
            used.remove("keycloak");
        }
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : used.entrySet()) {
            String earlier = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (earlier != null) {
                return "Port " + entry.getValue() + " is given to both " + earlier + " and " + entry.getKey()
                        + ". Give one of them another port, e.g. --ports " + entry.getKey() + "=" + (entry.getValue() + 10);
            }
        }
        for (Map.Entry<String, Integer> entry : used.entrySet()) {
            if (!isFree(entry.getValue())) {
                return "Port " + entry.getValue() + " (" + entry.getKey() + ") is already in use by another program. "
                        + "Stop that program or start the suite with another port: --ports " + entry.getKey() + "="
                        + suggestion(entry.getValue());
            }
        }
        return null;
    }

    private static int suggestion(int taken) {
        for (int candidate = taken + 10; candidate < Math.min(65535, taken + 1000); candidate += 10) {
            if (isFree(candidate)) {
                return candidate;
            }
        }
        return taken + 10;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers bind: connections in TIME_WAIT do not make a port taken
            socket.bind(new java.net.InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
