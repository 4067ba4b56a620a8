package org.community.suite;

/** Something that stops the suite from starting, with a message meant for the person who ran it. */
public class SuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
