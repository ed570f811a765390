package io.vitrine.platform.json;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Reads JSON request bodies through {@link JsonDocuments}, so every resource parses alike. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(
      Class<?> type, Type generic, Annotation[] annotations, MediaType media) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type generic,
      Annotation[] annotations,
      MediaType media,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    reader.mark(1);
    if (reader.read() < 0) {
      throw new ProblemException(
          Problem.badRequest("The request body is empty; send a JSON object."));
    }
    reader.reset();
    return JsonDocuments.parseObject(reader, "The request body");
  }
}
