package io.vitrine.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** GS1 check digits, with published numbers of each length. */
class GtinTest {

  @Test
  void acceptsPublishedGtinsOfEveryLength() {
    assertNull(Gtin.problem("96385074")); // EAN-8
    assertNull(Gtin.problem("036000291452")); // UPC-A
    assertNull(Gtin.problem("4006381333931")); // EAN-13
    assertNull(Gtin.problem("10012345678902")); // GTIN-14
  }

  @Test
  void namesTheCheckDigitExpected() {
    assertEquals(
        "has a wrong check digit: a GTIN starting 400638133393 ends in 1",
        Gtin.problem("4006381333932"));
  }

  @Test
  void refusesLettersAndOtherLengths() {
    assertEquals("is not a GTIN: it may only hold digits", Gtin.problem("40063813339X1"));
    assertEquals(
        "is not a GTIN: it has 10 digits, not 8, 12, 13 or 14", Gtin.problem("0123456789"));
  }

  @Test
  void everySingleDigitErrorIsCaught() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        body.append(random.nextInt(10));
      }
      String valid = body.toString() + Gtin.checkDigit(body.toString());
      assertNull(Gtin.problem(valid), valid);
      int position = random.nextInt(13);
      char other = (char) ('0' + (valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
      String typo = valid.substring(0, position) + other + valid.substring(position + 1);
      assertEquals(true, Gtin.problem(typo) != null, typo);
    }
  }
}
