package io.vitrine.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules that read one text: placeholder text, words in capitals, repeated words, and for plain
 * text, HTML and surrounding spaces. One pass over the words, without copying them, because a
 * product write checks every text value it has.
 */
final class TextChecks {

  private static final List<String> PLACEHOLDERS =
      List.of("tbd", "tba", "tbc", "lorem", "ipsum", "placeholder", "asdf");

  // "todo" is a Spanish and Portuguese word: in capitals only, as developers write it.
  private static final List<String> CAPITALS_PLACEHOLDERS = List.of("TODO", "FIXME");

  // Words that correct grammar repeats ("had had", "nous nous lavons", "die die Umwelt schonen").
  private static final List<String> GRAMMATICAL_REPEATS =
      List.of("had", "that", "nous", "vous", "die", "der", "das", "dat");

  // The placeholders by length: a word is compared with those of its length only.
  private static final List<List<String>> PLACEHOLDERS_BY_LENGTH = byLength(PLACEHOLDERS);

  // "to be defined", "à compléter": placeholders of two or three words, by their last word.
  private static final List<String> TO_BE =
      List.of("defined", "determined", "confirmed", "completed", "announced", "added", "written");
  private static final List<String> A_FAIRE =
      List.of("compléter", "completer", "définir", "definir", "renseigner");

  private static final Pattern HTML =
      Pattern.compile(
          "</?[a-zA-Z][a-zA-Z0-9-]*(\\s[^<>]*)?/?>"
              + "|&([a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

  private TextChecks() {}

  private static List<List<String>> byLength(List<String> words) {
    int longest = words.stream().mapToInt(String::length).max().orElse(0);
    List<List<String>> byLength = new ArrayList<>();
    for (int length = 0; length <= longest; length++) {
      int l = length;
      byLength.add(words.stream().filter(w -> w.length() == l).toList());
    }
    return byLength;
  }

  /**
   * Reports to {@code found} the problems of {@code text}, the value of {@code attribute}; {@code
   * plain} for text that is not HTML (text, textarea without rich_text). Rules in {@code off} are
   * skipped.
   */
  static void check(
      String attribute, String text, boolean plain, Set<QualityRule> off, Consumer<Issue> found) {
    if (plain
        && !off.contains(QualityRule.SURROUNDING_SPACES)
        && !text.isEmpty()
        && (Character.isWhitespace(text.charAt(0))
            || Character.isWhitespace(text.charAt(text.length() - 1)))) {
      found.accept(
          new Issue(
              QualityRule.SURROUNDING_SPACES,
              attribute,
              attribute + " starts or ends with spaces."));
    }
    if (plain
        && !off.contains(QualityRule.HTML_IN_PLAIN_TEXT)
        && (text.indexOf('<') >= 0 || text.indexOf('&') >= 0)) {
      var html = HTML.matcher(text);
      if (html.find()) {
        found.accept(
            new Issue(
                QualityRule.HTML_IN_PLAIN_TEXT,
                attribute,
                attribute + " is plain text but contains HTML (" + shortened(html.group()) + ")."));
      }
    }
    new Words(text).report(attribute, off, found);
  }

  private static String shortened(String quote) {
    return quote.codePointCount(0, quote.length()) <= 40
        ? quote
        : quote.substring(0, quote.offsetByCodePoints(0, 39)) + "…";
  }

  /** Letters and digits, and the marks that combine with them (accents, Indic vowel signs). */
  private static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The words of a text and what they show. */
  private static final class Words {
    private final String text;
    private String placeholder;
    private String repeated;
    private final Set<String> capitals = new LinkedHashSet<>();
    private boolean lowerCase;
    private boolean caseless;
    private int words;
    private int upperCaseWords;
    // TODO or FIXME, kept unless a neighbouring word is in capitals too (Spanish "TODO TERRENO").
    private String shouted;
    private boolean shoutedNeedsNext;

    Words(String text) {
      this.text = text;
      scan();
    }

    private void scan() {
      int n = text.length();
      int previousStart = -1;
      int previousEnd = -1;
      int beforeStart = -1;
      int beforeEnd = -1;
      boolean onlySpaceSince = false;
      int i = 0;
      while (i < n) {
        int cp = text.codePointAt(i);
        // A word starts with a letter or digit; marks only combine with what comes before them.
        if (!Character.isLetterOrDigit(cp)) {
          if (!Character.isWhitespace(cp) || cp == ProductQuality.BLOCK) {
            onlySpaceSince = false;
          }
          i += Character.charCount(cp);
          continue;
        }
        int start = i;
        int letters = 0;
        int upperLetters = 0;
        boolean lower = false;
        boolean digit = false;
        while (i < n && isWordPart(cp = text.codePointAt(i))) {
          if (Character.isLetter(cp)) {
            letters++;
            if (Character.isUpperCase(cp)) {
              upperLetters++;
            } else if (Character.isLowerCase(cp)) {
              lower = true;
            } else {
              caseless = true;
            }
          } else if (Character.isDigit(cp)) {
            digit = true;
          }
          i += Character.charCount(cp);
        }
        int end = i;
        words++;
        lowerCase |= lower;
        // Every letter a capital: scripts without case (Chinese, Arabic, …) have none.
        boolean upperCase = !digit && letters > 0 && upperLetters == letters;
        if (shoutedNeedsNext) {
          shoutedNeedsNext = false;
          if (upperCase && letters >= 2) {
            shouted = null;
          }
        }
        if (upperCase && letters >= 3) {
          upperCaseWords++;
        }
        if (upperCase && letters >= 4 && capitals.size() < 10) {
          capitals.add(text.substring(start, end));
        }
        if (shouted == null && placeholder == null && isShoutedPlaceholder(start, end)) {
          boolean previousShouts = previousStart >= 0 && isCapitals(previousStart, previousEnd);
          shouted = previousShouts ? null : text.substring(start, end);
          shoutedNeedsNext = !previousShouts;
        }
        if (placeholder == null) {
          placeholder = placeholder(start, end, previousStart, previousEnd, beforeStart, beforeEnd);
        }
        if (repeated == null
            && onlySpaceSince
            && letters > 0
            && end - start == previousEnd - previousStart
            && text.regionMatches(true, start, text, previousStart, end - start)
            && !isAny(start, end, GRAMMATICAL_REPEATS)) {
          repeated = text.substring(previousStart, end);
        }
        beforeStart = previousStart;
        beforeEnd = previousEnd;
        previousStart = start;
        previousEnd = end;
        onlySpaceSince = true;
      }
    }

    // Called for every word: the cheap tests (length, first letter, the words before) come first.
    private String placeholder(
        int start, int end, int prevStart, int prevEnd, int befStart, int befEnd) {
      int length = end - start;
      char first = text.charAt(start);
      if ((length < PLACEHOLDERS_BY_LENGTH.size()
              && isAny(start, end, PLACEHOLDERS_BY_LENGTH.get(length)))
          || ((first == 'x' || first == 'X') && isRunOfX(start, end))) {
        return text.substring(start, end);
      }
      if (befStart >= 0
          && is(prevStart, prevEnd, "be")
          && is(befStart, befEnd, "to")
          && isAny(start, end, TO_BE)) {
        return text.substring(befStart, end);
      }
      if (prevStart >= 0
          && (is(prevStart, prevEnd, "à") || is(prevStart, prevEnd, "a"))
          && isAny(start, end, A_FAIRE)) {
        return text.substring(prevStart, end);
      }
      return null;
    }

    private boolean isShoutedPlaceholder(int start, int end) {
      char first = text.charAt(start);
      return (first == 'T' || first == 'F')
          && CAPITALS_PLACEHOLDERS.stream()
              .anyMatch(w -> w.length() == end - start && text.startsWith(w, start));
    }

    /** Whether the word at start..end has two or more letters, all capitals. */
    private boolean isCapitals(int start, int end) {
      int letters = 0;
      for (int i = start; i < end; ) {
        int cp = text.codePointAt(i);
        if (Character.isLetter(cp)) {
          if (!Character.isUpperCase(cp)) {
            return false;
          }
          letters++;
        } else if (Character.isDigit(cp)) {
          return false;
        }
        i += Character.charCount(cp);
      }
      return letters >= 2;
    }

    private boolean isAny(int start, int end, List<String> words) {
      for (String word : words) {
        if (is(start, end, word)) {
          return true;
        }
      }
      return false;
    }

    private boolean is(int start, int end, String word) {
      return end - start == word.length()
          && text.regionMatches(true, start, word, 0, word.length());
    }

    private boolean isRunOfX(int start, int end) {
      if (end - start < 3) {
        return false;
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c != 'x' && c != 'X') {
          return false;
        }
      }
      return true;
    }

    void report(String attribute, Set<QualityRule> off, Consumer<Issue> found) {
      String quoted = placeholder != null ? placeholder : shouted;
      if (quoted != null && !off.contains(QualityRule.PLACEHOLDER_TEXT)) {
        found.accept(
            new Issue(
                QualityRule.PLACEHOLDER_TEXT,
                attribute,
                attribute + " contains placeholder text (\"" + quoted + "\")."));
      }
      // Acronyms and brands (HDMI, LEGO) are fine among other words; shouting is a text written
      // in capitals, three such words, or two that make half the text.
      boolean whole = !lowerCase && !caseless && upperCaseWords >= 3;
      boolean shouting = whole || capitals.size() >= 3 || (capitals.size() == 2 && words <= 4);
      if (shouting && !off.contains(QualityRule.CAPITAL_WORDS)) {
        found.accept(
            new Issue(
                QualityRule.CAPITAL_WORDS,
                attribute,
                attribute
                    + (whole
                        ? " is written in capitals."
                        : " has words in capitals: " + Issue.few(List.copyOf(capitals)) + ".")));
      }
      if (repeated != null && !off.contains(QualityRule.REPEATED_WORDS)) {
        found.accept(
            new Issue(
                QualityRule.REPEATED_WORDS,
                attribute,
                attribute + " repeats a word (\"" + repeated + "\")."));
      }
    }
  }
}
