package io.vitrine.publish.export;

/**
 * Where an exported field takes its value from: a product field or attribute ({@code "name"}), a
 * constant ({@code {"value": "new"}}) or a template of fields ({@code {"template":
 * "https://shop.example/p/{identifier}"}}).
 */
public sealed interface FieldSource {

  /** A product field ({@code identifier}, {@code family}, …) or an attribute, by code. */
  record Field(String code) implements FieldSource {}

  /** The same text for every product. */
  record Constant(String value) implements FieldSource {}

  /** Text with {@code {code}} placeholders, each replaced by that field's text. */
  record Template(String template) implements FieldSource {}
}
