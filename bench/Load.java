import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a call from several clients for a bounded time and summarises throughput and latency. */
final class Load {

  interface Call {
    void run(int i) throws Exception;
  }

  record Result(
      String name,
      double perSecond,
      double p50,
      double p99,
      long count,
      long errors,
      String unit) {}

  private Load() {}

  static Result run(String name, int clients, int seconds, Call call, String unit, int itemsPerCall)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<List<Long>>> futures = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                  long t = System.nanoTime();
                  try {
                    call.run(i++);
                    latencies.add(System.nanoTime() - t);
                  } catch (Exception e) {
                    if (errors.incrementAndGet() == 1) {
                      System.err.println(name + ": " + e.getMessage());
                    }
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    var result =
        new Result(
            name,
            all.size() * itemsPerCall / elapsed,
            percentile(all, 0.50) / 1e6,
            percentile(all, 0.99) / 1e6,
            all.size(),
            errors.get(),
            unit);
    System.out.printf(
        Locale.ROOT,
        "%-45s %10.1f %-10s p50 %7.1f ms  p99 %7.1f ms  (%d calls, %d errors)%n",
        name,
        result.perSecond(),
        unit,
        result.p50(),
        result.p99(),
        all.size(),
        errors.get());
    return result;
  }

  /** The value below which {@code share} of {@code values} fall (nearest rank; sorts a copy). */
  static double percentile(List<? extends Number> values, double share) {
    if (values.isEmpty()) {
      return 0;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return sorted[
        Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1))];
  }
}
