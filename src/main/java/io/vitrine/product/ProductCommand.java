package io.vitrine.product;

import jakarta.json.JsonObject;

/**
 * One product write as a request asks for it.
 *
 * @param mode CREATE refuses an existing identifier; UPSERT changes or creates
 * @param line the line of a bulk request (1 for single requests)
 * @param pathIdentifier the identifier in the address, or null for bulk lines and creation
 * @param body the product JSON
 * @param ifMatch the If-Match header, or null
 */
public record ProductCommand(
    Mode mode, int line, String pathIdentifier, JsonObject body, String ifMatch) {

  public enum Mode {
    CREATE,
    UPSERT
  }

  /** The product the command is about: the address's identifier, else the body's (or null). */
  public String target() {
    return target("identifier");
  }

  /** The address's identifier or code, else the body's {@code field} (or null). */
  public String target(String field) {
    return pathIdentifier != null
        ? pathIdentifier
        : body.get(field) instanceof jakarta.json.JsonString s ? s.getString() : null;
  }
}
