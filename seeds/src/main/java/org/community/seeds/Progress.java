package org.community.seeds;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on stderr: redrawn in place on a terminal, plain lines (every 10 %) when the output is a file or
 * a pipe. Null output: silent.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;

    Progress(PrintStream out) {
        this.out = out;
        this.terminal = out != null && System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    Step step(String label, long total) {
        return new Step(label, total);
    }

    void line(String text) {
        if (out != null) {
            synchronized (this) {
                out.println(text);
            }
        }
    }

    final class Step {
        private final String label;
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile int lastDecile = -1;
        private volatile long lastDraw;

        Step(String label, long total) {
            this.label = label;
            this.total = Math.max(0, total);
            draw(true);
        }

        void add(long n) {
            done.addAndGet(n);
            draw(false);
        }

        void finish() {
            done.set(Math.max(done.get(), total));
            draw(true);
            if (terminal) {
                synchronized (Progress.this) {
                    out.println();
                }
            }
        }

        private synchronized void draw(boolean force) {
            if (out == null) {
                return;
            }
            long current = done.get();
            double fraction = total == 0 ? 1 : Math.min(1, current / (double) total);
            if (terminal) {
                long now = System.nanoTime();
                if (!force && now - lastDraw < 100_000_000L && current < total) {
                    return;
                }
                lastDraw = now;
                int width = 30;
                int filled = (int) Math.round(fraction * width);
                String bar = "█".repeat(filled) + "░".repeat(width - filled);
                double seconds = (now - started) / 1e9;
                synchronized (Progress.this) {
                    out.printf(Locale.ROOT, "\r  %-28s %s %3.0f%% %,d/%,d  %.1f s ", label, bar, fraction * 100, current, total, seconds);
                    out.flush();
                }
            } else if (total < 100) {
                if (force && current >= total && lastDecile < 10) {
                    lastDecile = 10;
                    line(String.format(Locale.ROOT, "  %s: %,d/%,d (%.1f s)", label, current, total, (System.nanoTime() - started) / 1e9));
                }
            } else {
                int decile = (int) (fraction * 10);
                if (force && current == 0 && lastDecile < 0) {
                    lastDecile = 0;
                    line(String.format(Locale.ROOT, "  %s: 0/%,d", label, total));
                    return;
                }
                if (decile > lastDecile || (force && current >= total)) {
                    synchronized (this) {
                        if (decile <= lastDecile && !(force && current >= total && lastDecile < 10)) {
                            return;
                        }
                        lastDecile = current >= total ? 10 : decile;
                    }
                    line(String.format(Locale.ROOT, "  %s: %,d/%,d (%.0f%%, %.1f s)", label, current, total, fraction * 100,
                            (System.nanoTime() - started) / 1e9));
                }
            }
        }
    }
}
