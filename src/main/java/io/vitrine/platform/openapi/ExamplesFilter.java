package io.vitrine.platform.openapi;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds request and response examples to the OpenAPI document, by operationId, from {@code
 * openapi/examples.json}: answers recorded from a server holding the sample catalog
 * (tools/openapi-examples.py), so the examples are what the API really says.
 */
public class ExamplesFilter implements OASFilter {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String NDJSON = "application/x-ndjson";

  private final JsonObject examples = load();

  private static JsonObject load() {
    try (InputStream in = ExamplesFilter.class.getResourceAsStream("/openapi/examples.json")) {
      return in == null ? JsonValue.EMPTY_JSON_OBJECT : Jsonp.reader(in).readObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Operation filterOperation(Operation operation) {
    JsonValue found = examples.get(operation.getOperationId());
    if (!(found instanceof JsonObject example)) {
      return operation;
    }
    JsonValue request = example.get("request");
    if (request != null) {
      RequestBody body = operation.getRequestBody();
      if (body == null) {
        body = OASFactory.createRequestBody();
        operation.setRequestBody(body);
      }
      // A request of bytes (an asset's file) names its type, and its example describes them.
      String type =
          example.containsKey("request_type")
              ? example.getString("request_type")
              : request instanceof JsonString ? NDJSON : JSON;
      body.setContent(withExample(body.getContent(), type, request));
    }
    JsonObject responses = example.getJsonObject("responses");
    // A text answer of another type than NDJSON (a CSV) names it.
    JsonObject types = example.getJsonObject("types");
    if (responses != null && operation.getResponses() != null) {
      responses.forEach(
          (code, value) -> {
            APIResponse response = operation.getResponses().getAPIResponse(code);
            if (response == null) {
              response = OASFactory.createAPIResponse().description("HTTP " + code);
              operation.getResponses().addAPIResponse(code, response);
            }
            String type =
                types != null && types.containsKey(code)
                    ? types.getString(code)
                    : value instanceof JsonString ? NDJSON : code.startsWith("2") ? JSON : PROBLEM;
            response.setContent(withExample(response.getContent(), type, value));
          });
    }
    return operation;
  }

  private static Content withExample(Content content, String type, JsonValue example) {
    Content result = content == null ? OASFactory.createContent() : content;
    var media = result.getMediaType(type);
    if (media == null) {
      media = OASFactory.createMediaType();
      result.addMediaType(type, media);
    }
    media.setExample(plain(example));
    return result;
  }

  /** JSON-P values as the plain maps, lists and scalars the OpenAPI writer serialises. */
  static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(v -> list.add(plain(v)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}
