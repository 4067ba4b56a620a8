package org.community.consultation.security;

import java.util.List;

/**
 * Who does a change, as the audit log records it: token {@code sub}, display name, roles and the request id.
 * Taken on the request thread, so work handed to another thread (ballot casting) still knows its actor.
 */
public record Actor(String subject, String name, List<String> roles, String requestId) {

    /** The vote closer and other scheduled work: no token behind it. */
    public static Actor system(String name) {
        return new Actor("system:" + name, name, List.of(), null);
    }
}
