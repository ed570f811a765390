package io.vitrine.publish;

import io.vitrine.platform.http.Pages;

/**
 * Where a channel feed's reader stands, opaque to it. Each cursor carries the channel's {@link
 * ChannelFeed#publishingKey publishing key} as it was when the pull began: a channel published
 * differently since invalidates it. In the full pull ({@link Products}): the event the pull started
 * at and the last product id given. In the changes ({@link Changes}): the last event whose changes
 * were given whole and, when one catalog change reached more products than a page holds, the last
 * product id given of the next event.
 */
public sealed interface FeedCursor {

  String encode();

  /** The channel's publishing key the cursor was made under. */
  String publishingKey();

  /** The full pull, started when every event up to {@code from} was in the index. */
  record Products(long from, long after, String publishingKey) implements FeedCursor {
    @Override
    public String encode() {
      return Pages.encode("p." + from + "." + after + "." + publishingKey);
    }
  }

  /** The changes after event {@code seq}; {@code partial} is null or a product id of seq + 1. */
  record Changes(long seq, Long partial, String publishingKey) implements FeedCursor {
    @Override
    public String encode() {
      return Pages.encode(
          "c." + seq + "." + publishingKey + (partial == null ? "" : "." + partial));
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
      if (parts[0].equals("p") && parts.length == 4 && key(parts[3])) {
        return new Products(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
      }
      if (parts[0].equals("c") && (parts.length == 3 || parts.length == 4) && key(parts[2])) {
        return new Changes(
            Long.parseLong(parts[1]),
            parts.length == 4 ? Long.parseLong(parts[3]) : null,
            parts[2]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static boolean key(String text) {
    return text.matches("[0-9a-f]{16}");
  }
}
