package io.vitrine.asset;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An asset family's rule linking an uploaded file to a product by its name: {@code pattern}'s named
 * groups give the product's identifier and, optionally, the position in the collection (from 1),
 * the locale and the channel of the value that {@code attribute} holds.
 */
public record NamingConvention(Pattern pattern, String attribute) {

  static final Set<String> GROUPS = Set.of("identifier", "position", "locale", "channel");
  static final int MAX_PATTERN_LENGTH = 1000;

  /** A pattern is given this long to match a file name; more is taken for catastrophic. */
  static final long MATCH_NANOS = 50_000_000;

  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  /** What a file's name says: the product, and where in the collection the asset goes. */
  public record Target(String identifier, Integer position, String locale, String channel) {}

  /**
   * The named groups of {@code pattern}. Java 17 cannot list them: the names its text seems to
   * declare are kept when a back-reference to them compiles ({@code [(?<identifier>]} only looks
   * like one).
   */
  static Set<String> groups(String pattern) {
    Set<String> groups = new LinkedHashSet<>();
    Matcher named = GROUP_NAME.matcher(pattern);
    while (named.find()) {
      try {
        Pattern.compile("(?:" + pattern + ")|\\k<" + named.group(1) + ">");
        groups.add(named.group(1));
      } catch (java.util.regex.PatternSyntaxException notAGroup) {
        // a look-alike inside a character class or an escape
      }
    }
    return groups;
  }

  /**
   * The target {@code fileName} names, or empty when it does not match. A match that takes too long
   * (a pattern with nested repetition can take years on a 255-character name) counts as none.
   */
  public Optional<Target> match(String fileName) {
    return match(fileName, System.nanoTime() + MATCH_NANOS);
  }

  /** As {@link #match(String)}, giving up at {@code until} ({@link System#nanoTime()}). */
  public Optional<Target> match(String fileName, long until) {
    Matcher matcher = pattern.matcher(new Deadline(fileName, until));
    try {
      if (!matcher.matches()) {
        return Optional.empty();
      }
    } catch (Deadline.Passed passed) {
      return Optional.empty();
    }
    Set<String> groups = groups(pattern.pattern());
    if (!groups.contains("identifier")) {
      return Optional.empty();
    }
    String identifier = matcher.group("identifier");
    if (identifier == null || identifier.isEmpty()) {
      return Optional.empty();
    }
    Integer position = null;
    if (groups.contains("position") && matcher.group("position") != null) {
      try {
        position = Integer.parseInt(matcher.group("position"));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Target(
            identifier,
            position,
            groups.contains("locale") ? matcher.group("locale") : null,
            groups.contains("channel") ? matcher.group("channel") : null));
  }

  /** A text that stops a regular expression reading it once its time is up. */
  private record Deadline(CharSequence text, long until) implements CharSequence {

    static final class Passed extends RuntimeException {
      Passed() {
        super("the naming pattern took too long", null, false, false);
      }
    }

    @Override
    public char charAt(int index) {
      if (System.nanoTime() > until) {
        throw new Passed();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.subSequence(start, end), until);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
