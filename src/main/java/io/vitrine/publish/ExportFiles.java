package io.vitrine.publish;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The files of exports, kept in step with the database: a file grows only by what a committed batch
 * wrote, and a file is deleted only once the deletion of its run has committed.
 */
@ApplicationScoped
public class ExportFiles {

  private static final Logger LOG = Logger.getLogger(ExportFiles.class.getName());

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * A file open for appending after its first {@code committed} bytes: what lies beyond them was
   * written by a batch that did not commit, and goes.
   */
  static Appending append(Path file, long committed) throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    if (channel.size() < committed) {
      long size = channel.size();
      channel.close();
      // Lost or cut by something else than Vitrine: appending would leave a hole in the file.
      throw new IOException(
          file + " holds " + size + " bytes, fewer than the " + committed + " committed to it.");
    }
    channel.truncate(committed);
    channel.position(committed);
    return new Appending(channel);
  }

  /** A file being appended to; {@link #commit} makes what was written durable and says its size. */
  static final class Appending implements AutoCloseable {
    private final FileChannel channel;
    private final OutputStream out;

    Appending(FileChannel channel) {
      this.channel = channel;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    OutputStream out() {
      return out;
    }

    /** Flushes and syncs; the length to record with the batch. */
    long commit() throws IOException {
      out.flush();
      channel.force(false);
      return channel.position();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Runs {@code action} once the current transaction has committed (never if it rolls back). */
  void afterCommit(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              try {
                action.run();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not clean up export files", e);
              }
            }
          }
        });
  }

  /** Deletes {@code folder} and what it holds, if it exists. */
  static void deleteAll(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
