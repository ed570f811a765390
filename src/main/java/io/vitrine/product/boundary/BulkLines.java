package io.vitrine.product.boundary;

import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductCommand.Mode;
import io.vitrine.product.ProductOutcome;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * NDJSON bulk writes of products or product models: one JSON object per line in, one status line
 * per line out, in order; a line that cannot be read is answered without stopping the others.
 */
final class BulkLines {

  static final String NDJSON = "application/x-ndjson";
  static final int MAX_LINES = 1000;

  private BulkLines() {}

  static Response write(
      InputStream body, Function<List<ProductCommand>, List<ProductOutcome>> save) {
    Map<Integer, ProductOutcome> outcomes = new TreeMap<>();
    List<ProductCommand> commands = new ArrayList<>();
    readLines(body, outcomes, commands);
    save.apply(commands).forEach(o -> outcomes.put(o.line(), o));
    StreamingOutput answer =
        out -> {
          var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          for (ProductOutcome outcome : outcomes.values()) {
            writer.write(statusLine(outcome));
            writer.write('\n');
          }
          writer.flush();
        };
    return Response.ok(answer, NDJSON).build();
  }

  private static void readLines(
      InputStream body, Map<Integer, ProductOutcome> outcomes, List<ProductCommand> commands) {
    var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    int lineNumber = 0;
    int products = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (++products > MAX_LINES) {
          throw new ProblemException(
              Problem.of(
                  "payload-too-large",
                  "Too many lines",
                  413,
                  "A bulk request holds at most "
                      + MAX_LINES
                      + " lines; split the rest into further requests."));
        }
        try {
          commands.add(
              new ProductCommand(
                  Mode.UPSERT,
                  lineNumber,
                  null,
                  JsonDocuments.parseObject(line, "Line " + lineNumber),
                  null));
        } catch (ProblemException e) {
          outcomes.put(
              lineNumber,
              new ProductOutcome(lineNumber, null, e.problem().status(), null, 0, e.problem()));
        }
      }
    } catch (IOException e) {
      throw new ProblemException(
          Problem.badRequest("The request body could not be read: " + e.getMessage()));
    }
    if (products == 0) {
      throw new ProblemException(Problem.badRequest("The request body holds no lines."));
    }
  }

  private static String statusLine(ProductOutcome outcome) {
    var line = Jsonp.objectBuilder().add("line", outcome.line());
    if (outcome.identifier() == null) {
      line.addNull("identifier");
    } else {
      line.add("identifier", outcome.identifier());
    }
    line.add("status_code", outcome.status());
    if (outcome.succeeded()) {
      line.add("version", outcome.version());
    } else {
      Problem problem = outcome.problem();
      line.add("type", problem.type())
          .add("message", problem.detail() == null ? problem.title() : problem.detail());
      problem.extensions().forEach(line::add);
    }
    return line.build().toString();
  }
}
