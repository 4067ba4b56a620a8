package org.community.conventions.problem;

import java.util.List;

/**
 * A failure the caller should see as problem+json. Messages are bundle keys with arguments, so the
 * answer is rendered in the caller's language.
 */
public class ProblemException extends RuntimeException {

    public final ProblemType type;
    public final String detailKey;
    public final Object[] detailArgs;
    public final List<Violation> violations;
    private Integer retryAfterSeconds;

    /** A field error before translation: the field and a message key with its arguments. */
    public record Violation(String field, String key, Object... args) {
    }

    public ProblemException(ProblemType type, String detailKey, Object... detailArgs) {
        this(type, List.of(), detailKey, detailArgs);
    }

    public ProblemException(ProblemType type, List<Violation> violations, String detailKey, Object... detailArgs) {
        super(detailKey);
        this.type = type;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
        this.violations = violations;
    }

    /** Adds a {@code Retry-After} header (seconds) to the answer: the caller may try again then. */
    public ProblemException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 404 for an unknown id; the detail is the bundle key {@code notFound.<what>}. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "notFound." + what, id);
    }

    public static ProblemException conflict(String key, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, key, args);
    }

    /** A request that is well formed but refers to data that make it impossible: names the field, 422. */
    public static ProblemException invalidField(String field, String key, Object... args) {
        return new ProblemException(ProblemType.UNPROCESSABLE, List.of(new Violation(field, key, args)), "invalidFields", 1);
    }

    /** A value the caller sent that is wrong in itself: names the field, 400. */
    public static ProblemException badField(String field, String key, Object... args) {
        return new ProblemException(ProblemType.VALIDATION, List.of(new Violation(field, key, args)), "invalidFields", 1);
    }

    public static ProblemException conflictOnField(String field, String key, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, List.of(new Violation(field, key, args)), key, args);
    }
}
