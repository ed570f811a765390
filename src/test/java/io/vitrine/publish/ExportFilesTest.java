package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export's file grows only by what committed batches wrote. */
class ExportFilesTest {

  @TempDir Path folder;

  private static long append(Path file, long committed, String text) throws Exception {
    try (ExportFiles.Appending appending = ExportFiles.append(file, committed)) {
      appending.out().write(text.getBytes(StandardCharsets.UTF_8));
      return appending.commit();
    }
  }

  @Test
  void whatABatchThatDidNotCommitWroteIsCutOff() throws Exception {
    Path file = folder.resolve("exports/7/feed.csv");
    long first = append(file, 0, "head\nA\n");
    assertEquals(7, first);
    // A batch appends, then its transaction rolls back (or the server dies): its length is
    // never recorded, and the next batch starts again from the recorded one.
    append(file, first, "B\nhalf-writ");
    long second = append(file, first, "B\nC\n");
    assertEquals("head\nA\nB\nC\n", Files.readString(file));
    assertEquals(Files.size(file), second);
  }

  @Test
  void aRunsFolderIsDeletedWithWhatItHolds() throws Exception {
    Path file = folder.resolve("exports/8/feed.csv");
    append(file, 0, "x");
    ExportFiles.deleteAll(folder.resolve("exports/8"));
    assertEquals(false, Files.exists(file.getParent()));
    ExportFiles.deleteAll(folder.resolve("exports/9")); // none: nothing to do
  }
}
