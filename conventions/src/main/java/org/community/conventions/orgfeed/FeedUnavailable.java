package org.community.conventions.orgfeed;

/** A request to org-service's feed or to the token endpoint did not give a usable answer; the consumer backs off and tries again. */
public class FeedUnavailable extends RuntimeException {

    public FeedUnavailable(String message) {
        super(message);
    }

    public FeedUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** 410: the events after our cursor were purged (older than org-service's retention); resync from the snapshot. */
    public static class CursorExpired extends FeedUnavailable {
        public CursorExpired(String message) {
            super(message);
        }
    }
}
