package io.vitrine.asset;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogKind;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Edit;
import io.vitrine.catalog.Usages;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Asset families, under {@code /asset-families}. A family with no media_kinds takes every kind; a
 * rendition names the channels that show it; a naming convention needs an identifier group and the
 * locale and channel groups its attribute's values need.
 */
@ApplicationScoped
public class AssetFamilyKind extends CatalogKind<AssetFamily> {

  static final int MAX_RENDITIONS = 20;

  @Inject Usages usages;

  public AssetFamilyKind() {
    super("asset_family", AssetFamily.class);
  }

  @Override
  public String label() {
    return "asset family";
  }

  @Override
  protected AssetFamily create(String parent, String code) {
    return new AssetFamily(code);
  }

  @Override
  public JsonObject toJson(AssetFamily family) {
    JsonObjectBuilder renditions = Jsonp.objectBuilder();
    family.renditions().forEach(r -> renditions.add(r.code(), r.toJson()));
    JsonObjectBuilder json =
        head(family)
            .add(
                "media_kinds",
                Jsonp.arrayBuilder(
                    family.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()))
            .add("renditions", renditions);
    family
        .naming()
        .ifPresentOrElse(
            naming ->
                json.add(
                    "naming",
                    Jsonp.objectBuilder()
                        .add("pattern", naming.pattern().pattern())
                        .add("attribute", naming.attribute())),
            () -> json.addNull("naming"));
    return tail(json, family).build();
  }

  @Override
  protected void read(JsonInput in, AssetFamily family, Edit edit) {
    in.requiredCode("code");
    Map<String, String> labels = in.labels("labels");
    Set<AssetInspector.Kind> kinds = kinds(in);
    List<RenditionSpec> specs = renditions(in);
    JsonObject naming = in.object("naming");
    String pattern = null;
    String attribute = null;
    if (naming != null) {
      JsonInput rule = in.nested("naming", naming);
      pattern = pattern(rule);
      attribute = namingAttribute(rule, family.code(), pattern);
      rule.rejectUnknown("a naming convention");
    }
    in.rejectUnknown("an asset family", "created", "updated");
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew()) {
      refuseDroppingKindsInUse(family, kinds, edit);
    }
    JsonObjectBuilder stored = Jsonp.objectBuilder();
    specs.forEach(spec -> stored.add(spec.code(), spec.toJson()));
    family.setLabels(labels);
    family.define(kinds, stored.build(), pattern, attribute);
  }

  private static Set<AssetInspector.Kind> kinds(JsonInput in) {
    JsonArray listed = in.array("media_kinds");
    if (listed == null || listed.isEmpty()) {
      return EnumSet.allOf(AssetInspector.Kind.class);
    }
    Set<AssetInspector.Kind> kinds = EnumSet.noneOf(AssetInspector.Kind.class);
    for (int i = 0; i < listed.size(); i++) {
      JsonValue item = listed.get(i);
      String code = item instanceof JsonString s ? s.getString() : "";
      try {
        if (!code.equals(code.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(code);
        }
        kinds.add(AssetInspector.Kind.valueOf(code.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        in.invalid("media_kinds[" + i + "]", "must be image, video or document.");
      }
    }
    return kinds;
  }

  private List<RenditionSpec> renditions(JsonInput in) {
    JsonObject listed = in.object("renditions");
    List<RenditionSpec> specs = new ArrayList<>();
    if (listed == null) {
      return specs;
    }
    if (listed.size() > MAX_RENDITIONS) {
      in.invalid("renditions", "has " + listed.size() + "; at most " + MAX_RENDITIONS + ".");
      return specs;
    }
    JsonInput all = in.nested("renditions", listed);
    Map<String, String> channelOwner = new HashMap<>();
    listed.forEach(
        (code, value) -> {
          if (!JsonInput.CODE.matcher(code).matches()) {
            all.invalid(code, "is not a rendition code: " + JsonInput.codeMessage(code));
            return;
          }
          if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            all.invalid(code, "must be an object: {mode, width, height, format, …}.");
            return;
          }
          JsonInput one = all.nested(code, value.asJsonObject());
          RenditionSpec spec = RenditionSpec.read(code, one);
          if (spec == null) {
            return;
          }
          for (String channel : spec.channels()) {
            if (em.find(Channel.class, channel) == null) {
              one.invalid("channels", "there is no channel '" + channel + "'.");
            } else if (channelOwner.containsKey(channel)) {
              one.invalid(
                  "channels",
                  "'"
                      + channel
                      + "' already shows the rendition '"
                      + channelOwner.get(channel)
                      + "'; a channel shows one rendition of a family.");
            } else {
              channelOwner.put(channel, code);
            }
          }
          specs.add(spec);
        });
    return specs;
  }

  private static String pattern(JsonInput rule) {
    String text = rule.requiredString("pattern");
    if (text == null) {
      return null;
    }
    if (text.length() > NamingConvention.MAX_PATTERN_LENGTH) {
      rule.invalid(
          "pattern",
          "must be at most " + NamingConvention.MAX_PATTERN_LENGTH + " characters long.");
      return null;
    }
    try {
      Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      rule.invalid("pattern", "is not a valid regular expression: " + e.getDescription() + ".");
      return null;
    }
    Set<String> groups = NamingConvention.groups(text);
    if (!groups.contains("identifier")) {
      rule.invalid(
          "pattern",
          "needs a group named identifier, as in ^(?<identifier>.+)_(?<position>\\d+)\\..+$.");
    }
    for (String group : groups) {
      if (!NamingConvention.GROUPS.contains(group)) {
        rule.invalid(
            "pattern",
            "has a group named '"
                + group
                + "'; the groups it may name are identifier, position, locale and channel.");
      }
    }
    return text;
  }

  /** The attribute the convention fills: an asset collection that takes this family's assets. */
  private String namingAttribute(JsonInput rule, String family, String pattern) {
    String code = rule.requiredCode("attribute");
    if (code == null) {
      return null;
    }
    Attribute attribute = em.find(Attribute.class, code);
    if (attribute == null || attribute.type() != AttributeType.ASSET_COLLECTION) {
      rule.invalid("attribute", "'" + code + "' is not an asset collection attribute.");
      return null;
    }
    if (attribute.assetFamily() != null && !attribute.assetFamily().equals(family)) {
      rule.invalid(
          "attribute",
          "'" + code + "' takes assets of the family '" + attribute.assetFamily() + "' only.");
    }
    if (pattern != null) {
      Set<String> groups = NamingConvention.groups(pattern);
      requireGroup(rule, code, "locale", attribute.localizable(), groups);
      requireGroup(rule, code, "channel", attribute.scopable(), groups);
    }
    return code;
  }

  private static void requireGroup(
      JsonInput rule, String attribute, String group, boolean needed, Set<String> groups) {
    String per = group.equals("locale") ? "localizable" : "scopable";
    if (needed && !groups.contains(group)) {
      rule.invalid(
          "pattern", "needs a group named " + group + ": " + attribute + " is " + per + ".");
    } else if (!needed && groups.contains(group)) {
      rule.invalid(
          "pattern", "has a group named " + group + ", but " + attribute + " is not " + per + ".");
    }
  }

  private void refuseDroppingKindsInUse(
      AssetFamily family, Set<AssetInspector.Kind> kinds, Edit edit) {
    List<String> dropped =
        family.kinds().stream().filter(k -> !kinds.contains(k)).map(k -> k.name()).toList();
    if (dropped.isEmpty()) {
      return;
    }
    List<Usage> found = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= dropped.size(); i++) {
      in.append(i == 1 ? "?" : ", ?").append(i + 1);
    }
    Object[] parameters = new Object[dropped.size() + 1];
    parameters[0] = family.code();
    for (int i = 0; i < dropped.size(); i++) {
      parameters[i + 1] = dropped.get(i);
    }
    usages.collect(
        found,
        "assets",
        "SELECT code FROM asset WHERE family_code = ?1 AND kind IN (" + in + ") ORDER BY code",
        parameters);
    if (!found.isEmpty()) {
      edit.refuse(
          "The asset family '"
              + family.code()
              + "' cannot stop taking "
              + AssetFamily.inWords(
                  family.kinds().stream().filter(k -> !kinds.contains(k)).toList())
              + " while it has some: "
              + Usage.describeAll(found)
              + ". Move or delete them first.",
          found);
    }
  }

  @Override
  protected List<Usage> usages(AssetFamily family) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "assets",
        "SELECT code FROM asset WHERE family_code = ?1 ORDER BY code",
        family.code());
    usages.collect(
        found,
        "attributes",
        "SELECT code FROM attribute WHERE asset_family = ?1 ORDER BY code",
        family.code());
    return found;
  }
}
