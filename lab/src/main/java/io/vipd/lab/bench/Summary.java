package io.vipd.lab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Minimum, median and maximum of a few measurements (milliseconds), and how many runs gave none.
 *
 * @param failed runs in which nothing could be measured (no takeover seen in time)
 */
public record Summary(double min, double median, double max, int count, int failed) {

  /** Summarises {@code values}; the median of an even count is the mean of the middle two. */
  public static Summary of(List<Double> values, int failed) {
    if (values.isEmpty()) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN, 0, failed);
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Summary(sorted.get(0), median, sorted.get(n - 1), n, failed);
  }

  /** {@code min / median / max}, whole milliseconds, with the failed runs if any. */
  public String format() {
    if (count == 0) {
      return "no data (" + failed + " failed)";
    }
    String text = String.format(Locale.ROOT, "%d / %d / %d", Math.round(min), Math.round(median), Math.round(max));
    return failed == 0 ? text : text + " (" + failed + " failed)";
  }
}
