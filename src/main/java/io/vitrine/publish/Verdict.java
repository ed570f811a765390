package io.vitrine.publish;

import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Eligibility;
import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.quality.Grade;
import io.vitrine.quality.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a product is in a channel, and why, rule by rule: enabled, classified in the channel's
 * tree, complete enough and of a good enough grade (on all the channel's locales, or on one).
 */
public record Verdict(String channel, String product, boolean eligible, List<Check> checks) {

  /** One rule: whether the product passes it, said for a merchandiser. */
  public record Check(String rule, boolean passed, String reason) {}

  /** What the rules need to know of a product. */
  public record Facts(
      String identifier,
      boolean enabled,
      Set<String> categories,
      Map<String, String> rootOfCategory,
      List<Slot> slots) {}

  /** Judges {@code product} for {@code channel}; {@code slots} are its completeness rows. */
  public static Verdict of(Channel channel, Facts product) {
    Eligibility rule = channel.eligibility();
    List<Check> checks = new ArrayList<>();
    checks.add(enabled(rule, product));
    checks.add(tree(rule, channel, product));
    List<Slot> slots =
        product.slots().stream().filter(s -> s.channel().equals(channel.code())).toList();
    checks.add(completeness(rule, channel, slots));
    checks.add(grade(rule, channel, slots));
    return new Verdict(
        channel.code(),
        product.identifier(),
        checks.stream().allMatch(Check::passed),
        List.copyOf(checks));
  }

  private static Check enabled(Eligibility rule, Facts product) {
    if (!rule.enabledOnly()) {
      return new Check("enabled", true, "The channel publishes disabled products too.");
    }
    return product.enabled()
        ? new Check("enabled", true, "The product is enabled.")
        : new Check("enabled", false, "The product is disabled.");
  }

  private static Check tree(Eligibility rule, Channel channel, Facts product) {
    String tree = channel.categoryTree();
    if (!rule.inTreeOnly()) {
      return new Check(
          "category_tree", true, "The channel publishes products outside its tree too.");
    }
    Set<String> inTree = new TreeSet<>();
    for (String category : product.categories()) {
      if (tree.equals(product.rootOfCategory().get(category))) {
        inTree.add(category);
      }
    }
    if (!inTree.isEmpty()) {
      return new Check(
          "category_tree", true, "Classified in the tree " + tree + ": " + list(inTree) + ".");
    }
    return new Check(
        "category_tree",
        false,
        "Not classified in the channel's tree "
            + tree
            + (product.categories().isEmpty()
                ? ": the product has no category."
                : " (its categories: " + list(new TreeSet<>(product.categories())) + ")."));
  }

  private static Check completeness(Eligibility rule, Channel channel, List<Slot> slots) {
    int min = rule.minCompleteness();
    if (min == 0) {
      return new Check("completeness", true, "The channel asks for no minimum completeness.");
    }
    return perLocale(
        "completeness",
        "products at least " + min + " % complete",
        rule,
        channel,
        slots,
        slot -> slot.ratio() >= min,
        slot -> slot.ratio() + " %, missing " + list(slot.missing()),
        "no completeness");
  }

  private static Check grade(Eligibility rule, Channel channel, List<Slot> slots) {
    if (rule.minQualityGrade() == null) {
      return new Check("quality", true, "The channel asks for no data quality grade.");
    }
    Grade min = Grade.valueOf(rule.minQualityGrade());
    return perLocale(
        "quality",
        "grade " + min + " or better",
        rule,
        channel,
        slots,
        slot -> slot.grade().compareTo(min) <= 0,
        slot ->
            slot.grade()
                + " ("
                + String.join(" ", slot.issues().stream().map(Issue::message).toList())
                + ")",
        "no grade");
  }

  /**
   * A rule on each locale's slot: passed when {@code holds} on every locale of the channel (or on
   * one, as the rule says); otherwise the reason lists each locale where it does not, said by
   * {@code why}.
   */
  private static Check perLocale(
      String name,
      String wanted,
      Eligibility rule,
      Channel channel,
      List<Slot> slots,
      Predicate<Slot> holds,
      Function<Slot, String> why,
      String withoutFamily) {
    List<String> failing = new ArrayList<>();
    for (String locale : channel.locales()) {
      Slot slot = slot(slots, locale);
      if (slot == null) {
        failing.add(locale + ": " + withoutFamily + " (the product has no family)");
      } else if (!holds.test(slot)) {
        failing.add(locale + ": " + why.apply(slot));
      }
    }
    boolean passed =
        rule.allLocales() ? failing.isEmpty() : failing.size() < channel.locales().size();
    String asked =
        "The channel wants " + wanted + " on " + (rule.allLocales() ? "every" : "one") + " locale";
    return passed
        ? new Check(name, true, asked + "; met.")
        : new Check(name, false, asked + ". " + String.join("; ", failing) + ".");
  }

  private static Slot slot(List<Slot> slots, String locale) {
    return slots.stream().filter(s -> s.locale().equals(locale)).findFirst().orElse(null);
  }

  private static String list(java.util.Collection<String> codes) {
    return String.join(", ", codes);
  }
}
