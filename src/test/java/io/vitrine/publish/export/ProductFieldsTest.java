package io.vitrine.publish.export;

import static io.vitrine.publish.export.ExportFixtures.fields;
import static io.vitrine.publish.export.ExportFixtures.tee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a resolved product's fields as text, in one locale and currency. */
class ProductFieldsTest {

  private static String text(String locale, FieldSource source) {
    return fields(locale, "EUR").text(tee("TEE-M"), source);
  }

  private static FieldSource field(String code) {
    return new FieldSource.Field(code);
  }

  @Test
  void eachKindOfValueReadsAsText() {
    assertEquals("TEE-M", text("en_US", field("identifier")));
    assertEquals("tee", text("en_US", field("item_group")));
    assertEquals("men, tees", text("en_US", field("categories")));
    assertEquals("T-shirt « marine »", text("fr_FR", field("name")));
    assertEquals("Marine", text("fr_FR", field("color")));
    assertEquals("tidewater", text("fr_FR", field("brand")), "no label in the locale: the code");
    assertEquals("M, l", text("en_US", field("sizes")));
    assertEquals("180 GRAM", text("en_US", field("weight")));
    assertEquals("22.90", text("en_US", field("price")));
    assertEquals("tee_front, tee_back, tee_side", text("en_US", field("images")));
    assertNull(text("fr_FR", field("description")));
    assertNull(text("en_US", field("nothing_here")));
    assertEquals("new", text("en_US", new FieldSource.Constant("new")));
    assertEquals("navy", fields("fr_FR", "EUR").code(tee("TEE-M"), field("color")));
  }

  @Test
  void templatesFillEachPlaceholderWithItsFieldsText() {
    assertEquals(
        "https://shop.example/p/TEE-M?c=Navy",
        text("en_US", new FieldSource.Template("https://shop.example/p/{identifier}?c={color}")));
    assertEquals(
        "Sizes: M, l, from 22.90 EUR",
        text("en_US", new FieldSource.Template("Sizes: {sizes}, from {price} EUR")));
    assertNull(text("fr_FR", new FieldSource.Template("{description}")), "a missing field: none");
    assertEquals(
        List.of("tee_front", "tee_back", "tee_side"),
        fields("en_US", "EUR").items(tee("TEE-M"), field("images")));
    assertEquals("24.90", fields("en_US", "USD").price(tee("TEE-M"), "price"));
    assertNull(fields("en_US", "JPY").price(tee("TEE-M"), "price"));
  }
}
