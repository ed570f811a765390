package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamingConventionTest {

  private static Optional<NamingConvention.Target> match(String pattern, String name) {
    return new NamingConvention(Pattern.compile(pattern), "images").match(name);
  }

  @Test
  void theGroupsGiveTheProductThePositionTheLocaleAndTheChannel() {
    String pattern = "^(?<identifier>.+)_(?<position>\\d+)\\.(jpg|png)$";
    assertEquals(
        Optional.of(new NamingConvention.Target("TEE-NAVY_M", 2, null, null)),
        match(pattern, "TEE-NAVY_M_2.jpg"));
    assertEquals(Optional.empty(), match(pattern, "TEE-NAVY_M.jpg"));
    assertEquals(
        Optional.of(new NamingConvention.Target("TEE", null, "fr_FR", "print")),
        match(
            "^(?<identifier>[^-]+)-(?<locale>[a-z]{2}_[A-Z]{2})-(?<channel>\\w+)\\.pdf$",
            "TEE-fr_FR-print.pdf"));
    assertEquals(Set.of("identifier", "position"), NamingConvention.groups(pattern));
  }

  @Test
  void aPositionTooLargeForANumberIsNoMatch() {
    assertEquals(
        Optional.empty(),
        match("^(?<identifier>.+)_(?<position>\\d+)$", "TEE_99999999999999999999"));
  }

  @Test
  void aCatastrophicPatternGivesUpInsteadOfHangingTheUpload() {
    // Nested repetition over 34 characters: hundreds of millions of backtracking steps without
    // the deadline (3.6 s measured at 30 characters, many times more here). With it, the match
    // gives up after 50 ms; the bounds are wide because machines are noisy.
    String name = "a".repeat(34) + "!";
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          long started = System.nanoTime();
          assertTrue(match("^(?<identifier>(.*a){12})$", name).isEmpty());
          assertTrue(
              System.nanoTime() - started < 2_000_000_000L,
              "gave up long before the backtracking would end");
        });
  }

  @Test
  void aLookAlikeGroupIsNoGroup() {
    // Inside a character class, "(?<identifier>" is only characters: the pattern has no group.
    assertEquals(Set.of(), NamingConvention.groups("^[(?<identifier>]*.*$"));
    assertEquals(Optional.empty(), match("^[(?<identifier>]*.*$", "anything.jpg"));
  }
}
