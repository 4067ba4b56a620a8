package org.community.volunteer.orgfeed;

/** A request to org-service's feed or to the token endpoint did not give a usable answer; the consumer backs off and tries again. */
class FeedUnavailable extends RuntimeException {

    FeedUnavailable(String message) {
        super(message);
    }

    FeedUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** 410: the events after our cursor were purged (older than org-service's retention); resync from the snapshot. */
    static class CursorExpired extends FeedUnavailable {
        CursorExpired(String message) {
            super(message);
        }
    }
}
