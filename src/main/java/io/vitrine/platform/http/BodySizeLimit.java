package io.vitrine.platform.http;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over the configured size with a 413, whether the client announced the size
 * ({@code Content-Length}) or streams it in chunks. Bulk (NDJSON) bodies have their own, larger
 * limit; asset uploads theirs, per file. A write without a Content-Type is a 415: there is nothing
 * to read it as.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "vitrine.api.max-body-bytes", defaultValue = "1048576")
  long maxJsonBytes;

  @Inject
  @ConfigProperty(name = "vitrine.api.max-bulk-body-bytes", defaultValue = "67108864")
  long maxBulkBytes;

  @Inject
  @ConfigProperty(name = "vitrine.assets.max-bytes", defaultValue = "104857600")
  long maxAssetBytes;

  private static final java.util.regex.Pattern ASSET_FILE =
      java.util.regex.Pattern.compile("/?assets/[^/]+");
  private static final java.util.regex.Pattern ASSET_FORM =
      java.util.regex.Pattern.compile("/?assets/?");

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (request.getMethod().equals("PUT")
        && ASSET_FILE.matcher(request.getUriInfo().getPath()).matches()) {
      // An asset's file: any type (its content says which), its own limit, refused up front when
      // announced and counted as it streams to disk otherwise (asset.AssetFiles).
      if (announced(request) > maxAssetBytes) {
        throw new ProblemException(Problem.tooLarge(maxAssetBytes));
      }
      return;
    }
    if (request.getMethod().equals("POST")
        && ASSET_FORM.matcher(request.getUriInfo().getPath()).matches()) {
      // A form of asset files: no limit for the whole, each file its own, counted as it streams
      // (asset.AssetFiles); the form says itself when it is not one (asset.boundary.UploadForm).
      return;
    }
    boolean writes =
        switch (request.getMethod()) {
          case "POST", "PUT", "PATCH" -> true;
          default -> false;
        };
    if (writes && type == null) {
      throw new ProblemException(Problem.unsupportedMediaType("(none)", "application/json"));
    }
    long limit = type != null && "x-ndjson".equals(type.getSubtype()) ? maxBulkBytes : maxJsonBytes;
    if (announced(request) > limit) {
      throw new ProblemException(Problem.tooLarge(limit));
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }
  }

  /**
   * The Content-Length announced, or -1: read here, since the container's own reading stops at 2 GB
   * and fails on more.
   */
  private static long announced(ContainerRequestContext request) {
    String length = request.getHeaderString("Content-Length");
    if (length == null || length.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      throw new ProblemException(Problem.badRequest("Content-Length must be a number of bytes."));
    }
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long count;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > limit) {
        throw new ProblemException(Problem.tooLarge(limit));
      }
    }
  }
}
