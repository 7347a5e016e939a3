package dev.pixelstep.local.cli;

import dev.pixelstep.local.runtime.BulkProgress;

import java.util.Locale;

/**
 * One line of a bulk run's progress: a bar (on a terminal), done / failed / total, the rate over the run so far
 * and the time left at that rate.
 */
final class ProgressLine {

    private static final int WIDTH = 30;

    private long firstNanos = -1;
    private long firstDone;
    private long lastNanos;
    private long lastDone;

    /** Records a sample of the progress at a time. */
    void sample(BulkProgress progress, long nanos) {
        if (firstNanos < 0) {
            firstNanos = nanos;
            firstDone = progress.done();
        }
        lastNanos = nanos;
        lastDone = progress.done();
    }

    /** Objects per second since the first sample, or 0 before there is a rate. */
    double rate() {
        double seconds = (lastNanos - firstNanos) / 1e9;
        return seconds <= 0 ? 0 : (lastDone - firstDone) / seconds;
    }

    String text(BulkProgress progress, boolean bar) {
        long total = progress.total();
        StringBuilder text = new StringBuilder();
        if (bar) {
            int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, progress.done() * WIDTH / total);
            text.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        }
        text.append(progress.done()).append('/').append(total < 0 ? "?" : String.valueOf(total)).append(" done, ")
                .append(progress.failed()).append(" failed");
        if (progress.skipped() > 0) {
            text.append(", ").append(progress.skipped()).append(" skipped");
        }
        double rate = rate();
        text.append(String.format(Locale.ROOT, ", %.1f objects/s", rate));
        if (!progress.ended() && rate > 0 && total > progress.done()) {
            text.append(", ETA ").append(duration((long) Math.ceil((total - progress.done()) / rate)));
        }
        if (progress.ended()) {
            text.append(", ").append(progress.status());
        }
        return text.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }
}
