package io.vitrine.product;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProductAnswersTest {

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) fill);
    return bytes;
  }

  @Test
  void answersOnlyTheVersionItKept() {
    var recent = new ProductAnswers.Recent(1000);
    recent.put(1, 3, bytes(10, 1));

    assertArrayEquals(bytes(10, 1), recent.get(1, 3));
    assertNull(recent.get(1, 4), "a newer version is built afresh");
    assertNull(recent.get(1, 2));
    assertNull(recent.get(2, 3));
  }

  @Test
  void aNewerVersionReplacesTheOlderAndAnOlderOneNeverComesBack() {
    var recent = new ProductAnswers.Recent(1000);
    recent.put(1, 3, bytes(10, 1));
    recent.put(1, 4, bytes(20, 2));
    recent.put(1, 3, bytes(10, 1)); // a slow reader of version 3 finishing last

    assertArrayEquals(bytes(20, 2), recent.get(1, 4));
    assertNull(recent.get(1, 3));
    assertEquals(20, recent.used());
  }

  @Test
  void staysWithinItsBudgetDroppingTheLeastRecentlyReadFirst() {
    var recent = new ProductAnswers.Recent(160);
    recent.put(1, 1, bytes(10, 1));
    recent.put(2, 1, bytes(10, 2));
    recent.put(3, 1, bytes(10, 3));
    recent.get(1, 1); // 2 is now the least recently read
    for (int id = 4; id <= 16; id++) {
      recent.put(id, 1, bytes(10, id));
    }
    recent.put(17, 1, bytes(10, 17));

    assertEquals(16, recent.size());
    assertEquals(160, recent.used());
    assertArrayEquals(bytes(10, 1), recent.get(1, 1));
    assertNull(recent.get(2, 1));
    assertArrayEquals(bytes(10, 17), recent.get(17, 1));
  }

  @Test
  void doesNotKeepAnAnswerBiggerThanASixteenthOfItsBudget() {
    var recent = new ProductAnswers.Recent(160);
    recent.put(1, 1, bytes(11, 1));

    assertNull(recent.get(1, 1));
    assertEquals(0, recent.used());
  }
}
