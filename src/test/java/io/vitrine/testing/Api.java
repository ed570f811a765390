package io.vitrine.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A small HTTP client for integration tests: it speaks to Vitrine the way an integrator would. */
public final class Api {

  public static final String JSON = "application/json";
  public static final String NDJSON = "application/x-ndjson";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;

  public Api(URL deployment) {
    String root = deployment.toString();
    this.base = URI.create(root.endsWith("/") ? root : root + "/");
  }

  /** JSON written with single quotes, so test bodies stay readable: {@code json("{'a': 1}")}. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public Response get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  public Response post(String path, String json, String... headers) {
    return send("POST", path, BodyPublishers.ofString(json), with("Content-Type", JSON, headers));
  }

  public Response patch(String path, String json, String... headers) {
    return send("PATCH", path, BodyPublishers.ofString(json), with("Content-Type", JSON, headers));
  }

  public Response delete(String path, String... headers) {
    return send("DELETE", path, BodyPublishers.noBody(), headers);
  }

  /** The body of a GET as bytes (a file to download), which must answer 200. */
  public byte[] download(String path) {
    var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "GET " + path + " -> " + response.statusCode() + " " + new String(response.body()));
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Any method, any body, headers as name/value pairs. */
  public Response send(String method, String path, BodyPublisher body, String... headers) {
    var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      var response = HTTP.send(request.method(method, body).build(), BodyHandlers.ofString());
      return new Response(
          response.statusCode(), response.headers().map(), response.body(), method + " " + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String[] with(String name, String value, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers;
      }
    }
    String[] all = new String[headers.length + 2];
    all[0] = name;
    all[1] = value;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  /**
   * What came back; {@link #toString()} shows the request and body so failures explain themselves.
   */
  public record Response(
      int status, java.util.Map<String, List<String>> headers, String body, String request) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public JsonObject json() {
      return read().asJsonObject();
    }

    public JsonArray jsonArray() {
      return read().asJsonArray();
    }

    private JsonValue read() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readValue();
      } catch (RuntimeException e) {
        throw new AssertionError("Not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return request + " -> " + status + " " + body;
    }
  }
}
