package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vitrine.platform.http.Pages;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  private static final String KEY = "0123456789abcdef";

  @Test
  void cursorsComeBackAsTheyWent() {
    for (FeedCursor cursor :
        new FeedCursor[] {
          new FeedCursor.Products(12, 345, KEY),
          new FeedCursor.Changes(99, null, KEY),
          new FeedCursor.Changes(99, 1234L, KEY)
        }) {
      assertEquals(cursor, FeedCursor.decode(cursor.encode()));
    }
  }

  @Test
  void anythingElseIsNoCursor() {
    assertNull(FeedCursor.decode("!!"));
    assertNull(FeedCursor.decode(Pages.encode("p.1")));
    assertNull(FeedCursor.decode(Pages.encode("c.x")));
    assertNull(FeedCursor.decode(Pages.encode("q.1.2")));
    assertNull(FeedCursor.decode(Pages.encode("c.1." + KEY + ".2.3")));
    assertNull(FeedCursor.decode(Pages.encode("c.1.notakey")));
    assertNull(FeedCursor.decode(Pages.encode("p.1.2")));
  }
}
