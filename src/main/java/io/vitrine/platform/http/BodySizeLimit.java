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
 * limit; asset uploads theirs. A write without a Content-Type is a 415: there is nothing to read it
 * as.
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

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    boolean writes =
        switch (request.getMethod()) {
          case "POST", "PUT", "PATCH" -> true;
          default -> false;
        };
    if (writes && type == null) {
      throw new ProblemException(Problem.unsupportedMediaType("(none)", "application/json"));
    }
    if (request.getMethod().equals("PUT")
        && request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("assets/")) {
      // An asset's bytes have their own limit, counted as they stream to disk (asset.AssetFiles).
      return;
    }
    long limit = type != null && "x-ndjson".equals(type.getSubtype()) ? maxBulkBytes : maxJsonBytes;
    if (request.getLength() > limit) {
      throw new ProblemException(Problem.tooLarge(limit));
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
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
