package io.vitrine.publish;

import io.vitrine.platform.http.Pages;

/**
 * Where a channel feed's reader stands, opaque to it. In the full pull ({@link Products}): the
 * event the pull started at and the last product id given. In the changes ({@link Changes}): the
 * last event whose changes were given whole and, when one catalog change reached more products than
 * a page holds, the last product id given of the next event.
 */
public sealed interface FeedCursor {

  String encode();

  /** The full pull, started when every event up to {@code from} was in the index. */
  record Products(long from, long after) implements FeedCursor {
    @Override
    public String encode() {
      return Pages.encode("p." + from + "." + after);
    }
  }

  /** The changes after event {@code seq}; {@code partial} is null or a product id of seq + 1. */
  record Changes(long seq, Long partial) implements FeedCursor {
    @Override
    public String encode() {
      return Pages.encode("c." + seq + (partial == null ? "" : "." + partial));
    }
  }

  /** The cursor {@code text} encodes, or null if it is not one. */
  static FeedCursor decode(String text) {
    String plain = Pages.decode(text);
    if (plain == null) {
      return null;
    }
    String[] parts = plain.split("\\.", -1);
    try {
      if (parts[0].equals("p") && parts.length == 3) {
        return new Products(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      }
      if (parts[0].equals("c") && (parts.length == 2 || parts.length == 3)) {
        return new Changes(
            Long.parseLong(parts[1]), parts.length == 3 ? Long.parseLong(parts[2]) : null);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }
}
