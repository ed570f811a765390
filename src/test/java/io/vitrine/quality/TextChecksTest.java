package io.vitrine.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each text rule flags, and the near misses it must leave alone. */
class TextChecksTest {

  private static List<String> found(String text, boolean plain, Set<QualityRule> off) {
    List<Issue> issues = new ArrayList<>();
    TextChecks.check("name", text, plain, off, issues::add);
    return issues.stream().map(i -> i.rule().code() + ": " + i.message()).toList();
  }

  private static List<String> found(String text) {
    return found(text, true, Set.of());
  }

  @Test
  void cleanTextHasNoProblem() {
    assertEquals(
        List.of(),
        found("Essential Crew T-Shirt – Navy, M. 100% organic cotton; R&D by LEGO, 5 < 6 > 3."));
    assertEquals(
        List.of(),
        found("T-shirt col rond à la coupe droite, très très doux".replace("très très", "très")));
  }

  @Test
  void placeholders() {
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"TBD\")."),
        found("Colour: TBD"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"to be defined\")."),
        found("Material to be defined"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"Lorem\")."),
        found("Lorem ipsum dolor sit amet"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"XXXX\")."),
        found("Size XXXX"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"à compléter\")."),
        found("Description à compléter"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"TODO\")."),
        found("Size chart TODO"));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"FIXME\")."),
        found("FIXME: write the care instructions"));
    // Spanish written in capitals: TODO next to another word in capitals is a word.
    assertEquals(List.of(), found("Funda TODO TIEMPO resistente y ligera"));
    assertEquals(List.of(), found("Lo mejor: TODO LO QUE necesitas"));
    // Words that only start like a placeholder, XL or XXL sizes, and Spanish "todo".
    assertEquals(List.of(), found("Todos santos tbdx todoist XXL XL, todo terreno"));
  }

  @Test
  void capitals() {
    assertEquals(
        List.of("capital_words: name has words in capitals: AMAZING, QUALITY."),
        found("AMAZING QUALITY shirt"));
    assertEquals(List.of("capital_words: name is written in capitals."), found("RED HAT BOX"));
    assertEquals(List.of("capital_words: name is written in capitals."), found("RED COTTON SHIRT"));
    assertEquals(
        List.of("capital_words: name has words in capitals: BEST, EVER, SOFT and 2 more."),
        found("The BEST EVER tee: SOFT, WARM and CHEAP for everyone who wants comfort"));
    // Acronyms and brands among other words, short codes, and models with digits are fine.
    assertEquals(List.of(), found("LEGO set with USB-C, XL, DDR4 and HDMI2"));
    assertEquals(List.of(), found("Samsung QLED TV with HDMI"));
    // Latin capitals inside Chinese words, and among Chinese words.
    assertEquals(List.of(), found("小米XIAOMI 红米REDMI Note 13"));
    assertEquals(List.of(), found("三星 QLED 电视 HDMI USB"));
  }

  @Test
  void repeatedWords() {
    assertEquals(
        List.of("repeated_words: name repeats a word (\"the The\")."), found("Fits the The body"));
    assertEquals(
        List.of("repeated_words: name repeats a word (\"cafe\u0301 cafe\u0301\")."),
        found("Un cafe\u0301 cafe\u0301"));
    // Punctuation between, numbers, different words of equal length, and grammar.
    assertEquals(List.of(), found("very, very soft; size 2 2; can car"));
    assertEquals(List.of(), found("He had had enough; nous nous lavons; die die Umwelt schonen"));
  }

  @Test
  void surroundingSpacesAndHtmlInPlainTextOnly() {
    assertEquals(
        List.of("surrounding_spaces: name starts or ends with spaces."), found("Navy tee "));
    assertEquals(
        List.of("html_in_plain_text: name is plain text but contains HTML (<br/>)."),
        found("Soft<br/>cotton"));
    assertEquals(
        List.of("html_in_plain_text: name is plain text but contains HTML (&amp;)."),
        found("Salt &amp; pepper"));
    assertEquals(List.of(), found(" Soft<br/>cotton ", false, Set.of()));
  }

  @Test
  void switchedOffRulesAreSkipped() {
    assertEquals(
        List.of(), found(" TBD TBD AMAZING DEAL <b> ", true, EnumSet.allOf(QualityRule.class)));
    assertEquals(
        List.of("placeholder_text: name contains placeholder text (\"TBD\")."),
        found(
            " TBD TBD AMAZING DEAL <b> ",
            true,
            EnumSet.complementOf(EnumSet.of(QualityRule.PLACEHOLDER_TEXT))));
  }
}
