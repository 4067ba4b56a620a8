package org.community.volunteer.hours;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code volunteer.check-in.*}: the window in which volunteers check in and out of an activity. */
@ConfigMapping(prefix = "volunteer.check-in")
public interface CheckInConfig {

    /** Check-in opens this many minutes before the activity starts. */
    @WithDefault("30")
    int earlyMinutes();

    /** Check-out is accepted until this many minutes after the activity ends. */
    @WithDefault("120")
    int lateCheckoutMinutes();
}
