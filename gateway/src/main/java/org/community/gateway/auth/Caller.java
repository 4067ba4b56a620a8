package org.community.gateway.auth;

import java.util.List;
import java.util.Set;

/** Who a verified token speaks for. */
public record Caller(String subject, Set<String> roles, List<String> orgUnits, long expiresAtEpochSecond) {
}
