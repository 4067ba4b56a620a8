package org.community.org.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import org.community.conventions.http.Times;

/**
 * Today and the current month in the deployment's zone. Arrears, the six-month flag and the back-payment limit depend
 * on them, so tests set a fixed clock instead of waiting for months to pass.
 */
@ApplicationScoped
public class DuesCalendar {

    private volatile Clock clock = Clock.system(Times.ZONE);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** For tests: the clock the dues rules read. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public static LocalDate firstDay(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    public static YearMonth month(LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }
}
