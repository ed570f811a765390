package io.vitrine.asset;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bytes of assets, content-addressed under the data directory ({@code assets/ab/cd/<sha256>}):
 * an upload streams to a file of its own while it is hashed and counted, is checked there, and only
 * then takes its place, once however many assets share it.
 */
@ApplicationScoped
public class AssetFiles {

  @Inject
  @ConfigProperty(name = "vitrine.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "vitrine.assets.max-bytes", defaultValue = "104857600")
  long maxBytes;

  /** An upload on disk, not yet in its place: its file, SHA-256 (hex) and size. */
  public record Upload(Path file, String sha256, long size) implements AutoCloseable {
    /** Deletes the upload's file unless it took its place. */
    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Streams {@code body} to a file of its own; a 413 (and nothing left behind) past {@code
   * vitrine.assets.max-bytes}.
   */
  public Upload receive(InputStream body, long announced) {
    Path incoming = root().resolve("incoming");
    Path file = incoming.resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(incoming);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = body.read(buffer)) != -1) {
          size += read;
          if (size > maxBytes) {
            throw new ProblemException(Problem.tooLarge(maxBytes));
          }
          sha.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
        // On disk before it takes its place: a file named by its hash must hold that content.
        channel.force(true);
      }
      if (announced >= 0 && size != announced) {
        throw new ProblemException(
            Problem.badRequest(
                "The upload was cut short: " + size + " of " + announced + " bytes arrived."));
      }
      return new Upload(file, HexFormat.of().formatHex(sha.digest()), size);
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the failure above says more
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Could not receive an upload: " + e.getMessage(), e);
    }
  }

  /** Moves the upload to its place, unless the same bytes are already there. */
  public void keep(Upload upload) {
    Path target = path(upload.sha256());
    try {
      Files.createDirectories(target.getParent());
      if (Files.exists(target) && Files.size(target) == upload.size()) {
        return;
      }
      Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException sameBytesMeanwhile) {
      // Another upload of the same bytes took the place first: same content, nothing to do.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes what uploads cut off by a stop left in incoming; called at start-up, before any upload.
   */
  public void sweepIncoming() {
    Path incoming = root().resolve("incoming");
    if (!Files.isDirectory(incoming)) {
      return;
    }
    try (var left = Files.list(incoming)) {
      for (Path file : left.toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the bytes of SHA-256 {@code sha256}, once no asset has them. */
  public void forget(String sha256) {
    try {
      Files.deleteIfExists(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the bytes of SHA-256 {@code sha256} are. */
  public Path path(String sha256) {
    return root().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private Path root() {
    return Path.of(dataDir, "assets");
  }
}
