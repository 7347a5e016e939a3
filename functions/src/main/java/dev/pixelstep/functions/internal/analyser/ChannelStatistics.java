package dev.pixelstep.functions.internal.analyser;

/**
 * Summary statistics of one channel over every pixel (population standard deviation).
 *
 * @param mean              mean value, 0..255
 * @param standardDeviation population standard deviation
 * @param min               smallest value present
 * @param max               largest value present
 */
public record ChannelStatistics(double mean, double standardDeviation, int min, int max) {

    /** Statistics of a 256-bin histogram holding {@code total > 0} counts. */
    static ChannelStatistics of(long[] bins, long total) {
        double sum = 0;
        int min = -1;
        int max = -1;
        for (int v = 0; v < bins.length; v++) {
            if (bins[v] > 0) {
                sum += (double) v * bins[v];
                if (min < 0) {
                    min = v;
                }
                max = v;
            }
        }
        double mean = sum / total;
        double squares = 0;
        for (int v = 0; v < bins.length; v++) {
            double d = v - mean;
            squares += d * d * bins[v];
        }
        return new ChannelStatistics(round(mean), round(Math.sqrt(squares / total)), min, max);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
