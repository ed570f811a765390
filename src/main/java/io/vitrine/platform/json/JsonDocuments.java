package io.vitrine.platform.json;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

/** Parses request JSON strictly: a clear 400 with line and column for anything malformed. */
public final class JsonDocuments {

  // A key given twice is almost always a mistake in a hand-written or generated body.
  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

  private JsonDocuments() {}

  /** The object in {@code text}; {@code what} names it in errors ("the request body", "line 3"). */
  public static JsonObject parseObject(String text, String what) {
    return parseObject(new StringReader(text), what);
  }

  public static JsonObject parseObject(Reader source, String what) {
    JsonValue value;
    try (var reader = READERS.createReader(source)) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new ProblemException(
          Problem.malformedJson(
              what + " is not valid JSON at line " + at.getLineNumber() + ", column "
                  + at.getColumnNumber() + ": " + e.getMessage(),
              at.getLineNumber(),
              at.getColumnNumber()));
    } catch (JsonException e) {
      throw new ProblemException(Problem.malformedJson(what + " is not valid JSON: " + e.getMessage(), 0, 0));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new ProblemException(
          Problem.badRequest(what + " must be a JSON object, not " + JsonTypes.name(value) + "."));
    }
    return value.asJsonObject();
  }
}
