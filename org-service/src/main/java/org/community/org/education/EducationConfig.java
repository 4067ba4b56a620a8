package org.community.org.education;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Member education's rules that each deployment sets ({@code org.education.*} in application.properties): how long a
 * sign-in code works and who the monthly ranking names as excellent or as due a reminder talk.
 */
@ConfigMapping(prefix = "org.education")
public interface EducationConfig {

    /** Sign-in codes (签到码). */
    SignInCode signInCode();

    /** The monthly ranking of a program's trainees by the credits they earned in the month. */
    Ranking ranking();

    interface SignInCode {
        /** How long a code shown at a venue is accepted after it was issued. */
        @WithDefault("PT15M")
        Duration validFor();
    }

    interface Ranking {
        /** 优秀学员: the top of the month's ranking. */
        Excellent excellent();

        /** The bottom of the month's ranking, with whom a reminder talk (约谈提醒) is due. */
        Bottom bottom();
    }

    /**
     * The trainees ranked within the first {@code top} places (ties share a place), or within the first
     * {@code top-percent} % of the enrolled trainees when that is set instead, and with at least {@code min-credits}.
     */
    interface Excellent {
        @WithDefault("3")
        int top();

        /** When set, the top X % of the enrolled trainees (at least one place) instead of {@code top}. */
        OptionalInt topPercent();

        @WithDefault("2")
        BigDecimal minCredits();
    }

    /**
     * The trainees ranked within the last {@code count} places (or the last {@code percent} % when set) whose credits
     * of the month are at most {@code max-credits}: doing badly in the ranking alone does not call for a talk.
     */
    interface Bottom {
        @WithDefault("3")
        int count();

        OptionalInt percent();

        @WithDefault("0")
        BigDecimal maxCredits();
    }
}
