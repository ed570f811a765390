package io.vitrine.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * One managed thread that runs a loop until stopped, and a signal to wake it (or anyone waiting on
 * what it does) early. The search indexer and the job runner each have one.
 */
public final class BackgroundThread {

  private final String name;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread thread;

  public BackgroundThread(String name) {
    this.name = name;
  }

  /**
   * Creates the thread, which takes the caller's context now. Call it before the caller has used an
   * entity manager outside a transaction: the thread would inherit that entity manager, and Payara
   * closes it when the caller's invocation ends (seen at start-up: every later query of the thread
   * then fails).
   */
  public synchronized void prepare(ManagedThreadFactory threads, Runnable loop) {
    if (thread == null) {
      thread = threads.newThread(loop);
      thread.setName(name);
    }
  }

  /** Starts the loop (prepared before). */
  public synchronized void start() {
    if (thread == null) {
      throw new IllegalStateException(name + " was not prepared");
    }
    if (!running) {
      running = true;
      thread.start();
    }
  }

  /** Asks the loop to end, and waits for it at most 10 s. */
  public void stop() {
    running = false;
    wake();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean running() {
    return running;
  }

  /** Wakes the loop if it idles, and anyone in {@link #await}. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** For the loop: waits up to {@code ms} while {@code idle} holds, unless woken or stopped. */
  public void idle(long ms, BooleanSupplier idle) throws InterruptedException {
    synchronized (signal) {
      if (running && idle.getAsBoolean()) {
        signal.wait(ms);
      }
    }
  }

  /**
   * For others: wakes the loop, then waits until {@code done} holds (re-checked at each wake);
   * false when {@code timeoutMs} passed first or the waiting thread was interrupted.
   */
  public boolean await(BooleanSupplier done, long timeoutMs) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    synchronized (signal) {
      signal.notifyAll();
      while (!done.getAsBoolean()) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        try {
          signal.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }
}
