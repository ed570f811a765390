package io.vitrine.platform.json;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

/** Parses request JSON strictly: a clear 400 with line and column for anything malformed. */
public final class JsonDocuments {

  // A key given twice is almost always a mistake in a hand-written or generated body.
  private static final JsonParserFactory PARSERS =
      Jsonp.provider().createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

  private JsonDocuments() {}

  /** The object in {@code text}; {@code what} names it in errors ("the request body", "line 3"). */
  public static JsonObject parseObject(String text, String what) {
    return parseObject(new StringReader(text), what);
  }

  /** The one JSON object {@code source} holds: anything after it is an error too. */
  public static JsonObject parseObject(Reader source, String what) {
    JsonValue value;
    JsonParser parser = PARSERS.createParser(source);
    try {
      if (!parser.hasNext()) {
        throw new ProblemException(Problem.badRequest(what + " is empty; send a JSON object."));
      }
      parser.next();
      value = parser.getValue();
      if (parser.hasNext()) {
        parser.next();
        throw malformed(what + " has more after its JSON object", parser.getLocation());
      }
    } catch (JsonParsingException e) {
      throw malformed(what + " is not valid JSON", e.getLocation(), e.getMessage());
    } catch (IllegalStateException e) {
      // Parsson reports a duplicate key this way when values are built by the parser.
      throw malformed(what + " is not valid JSON", parser.getLocation(), e.getMessage());
    } catch (UnsupportedOperationException e) {
      // Parsson's answer to a number with more digits than it will read.
      throw malformed(
          what + " holds a number too long to read", parser.getLocation(), e.getMessage());
    } catch (JsonException e) {
      throw new ProblemException(
          Problem.malformedJson(what + " is not valid JSON: " + e.getMessage(), 0, 0));
    } finally {
      parser.close();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new ProblemException(
          Problem.badRequest(what + " must be a JSON object, not " + JsonTypes.name(value) + "."));
    }
    return value.asJsonObject();
  }

  private static ProblemException malformed(String what, JsonLocation at) {
    return malformed(what, at, "one object is expected.");
  }

  private static ProblemException malformed(String what, JsonLocation at, String reason) {
    return new ProblemException(
        Problem.malformedJson(
            what
                + " at line "
                + at.getLineNumber()
                + ", column "
                + at.getColumnNumber()
                + ": "
                + reason,
            at.getLineNumber(),
            at.getColumnNumber()));
  }
}
