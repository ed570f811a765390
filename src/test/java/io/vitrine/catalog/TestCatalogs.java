package io.vitrine.catalog;

import io.vitrine.catalog.Conversion.Operator;
import io.vitrine.catalog.Conversion.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Catalog objects for unit tests, built without a database.
 *
 * <p>{@link #standard()} is a small catalog: locales en_US, fr_FR and de_DE (de_DE exists but no
 * channel uses it, so it is inactive); channels {@code ecommerce} (en_US, fr_FR; USD, EUR, JPY) and
 * {@code print} (fr_FR; EUR); currencies USD, EUR, CHF with 2 decimals and JPY with none (CHF is in
 * no channel, so inactive); the measurement families Weight (KILOGRAM standard, GRAM, POUND) and
 * Temperature (KELVIN standard, CELSIUS, FAHRENHEIT); a family {@code clothing}; and one attribute
 * of each type, see {@link #standardAttributes()}.
 */
public final class TestCatalogs {

  public static final String EN = "en_US";
  public static final String FR = "fr_FR";
  public static final String DE = "de_DE";
  public static final String ECOMMERCE = "ecommerce";
  public static final String PRINT = "print";

  private TestCatalogs() {}

  // ---------------------------------------------------------------- the standard catalog

  public static CatalogSnapshot standard() {
    return catalog().build();
  }

  /** A builder starting from the standard catalog; {@link CatalogBuilder#empty()} starts blank. */
  public static CatalogBuilder catalog() {
    var builder =
        new CatalogBuilder()
            .locales(EN, FR, DE)
            .channel(channel(ECOMMERCE, List.of(EN, FR), List.of("USD", "EUR", "JPY")))
            .channel(channel(PRINT, List.of(FR), List.of("EUR")))
            .currency("USD", 2)
            .currency("EUR", 2)
            .currency("JPY", 0)
            .currency("CHF", 2)
            .measurementFamily(weight())
            .measurementFamily(temperature());
    standardAttributes().forEach(builder::attribute);
    builder.family(
        family("clothing", "sku", "name", "description", "weight", "price", "color", "sizes"));
    return builder;
  }

  /**
   * sku (identifier, unique), name (text, localizable), description (rich textarea, localizable and
   * scopable), weight (metric, Weight in KILOGRAM, decimals), price (price collection, decimals),
   * stock (number), color (simpleselect), sizes (multiselect), images (asset collection),
   * waterproof (boolean), release_date (date), ean (text, unique).
   */
  public static List<Attribute> standardAttributes() {
    return List.of(
        attribute("sku", AttributeType.IDENTIFIER).unique().build(),
        attribute("name", AttributeType.TEXT).localizable().build(),
        attribute("description", AttributeType.TEXTAREA)
            .localizable()
            .scopable()
            .richText()
            .build(),
        attribute("weight", AttributeType.METRIC)
            .metric("Weight", "KILOGRAM")
            .decimalsAllowed()
            .build(),
        attribute("price", AttributeType.PRICE_COLLECTION).decimalsAllowed().build(),
        attribute("stock", AttributeType.NUMBER).build(),
        attribute("color", AttributeType.SIMPLESELECT).build(),
        attribute("sizes", AttributeType.MULTISELECT).build(),
        attribute("images", AttributeType.ASSET_COLLECTION).build(),
        attribute("waterproof", AttributeType.BOOLEAN).build(),
        attribute("release_date", AttributeType.DATE).build(),
        attribute("ean", AttributeType.TEXT).unique().build());
  }

  // ---------------------------------------------------------------- single objects

  public static AttributeBuilder attribute(String code, AttributeType type) {
    return new AttributeBuilder(code, type);
  }

  public static Channel channel(String code, List<String> locales, List<String> currencies) {
    return channel(code, locales, currencies, null, Map.of());
  }

  public static Channel channel(
      String code,
      List<String> locales,
      List<String> currencies,
      String categoryTree,
      Map<String, String> conversionUnits) {
    var channel = new Channel(code);
    channel.define(locales, currencies, categoryTree, conversionUnits);
    return channel;
  }

  /** {@code channel}, asking titles of {@code min} to {@code max} characters (null: no bound). */
  public static Channel titleLength(Channel channel, Integer min, Integer max) {
    channel.setTitleLength(min, max);
    return channel;
  }

  /** {@code channel}, publishing the products {@code eligibility} lets in. */
  public static Channel eligibility(Channel channel, Eligibility eligibility) {
    channel.setEligibility(eligibility);
    return channel;
  }

  public static FamilyVariant familyVariant(String code, String family, VariantLevel... levels) {
    var variant = new FamilyVariant(code, family);
    variant.define(List.of(levels));
    return variant;
  }

  public static Family family(String code, String... attributes) {
    return family(code, Set.of(attributes), Set.of(), null, null);
  }

  public static Family family(
      String code,
      Set<String> attributes,
      Set<Family.Requirement> requirements,
      String asLabel,
      String asImage) {
    var family = new Family(code);
    family.define(attributes, requirements, asLabel, asImage);
    return family;
  }

  public static MeasurementFamily measurementFamily(
      String code, String standardUnit, MeasurementUnit.Definition... units) {
    var family = new MeasurementFamily(code);
    family.setStandardUnit(standardUnit);
    family.replaceUnits(List.of(units));
    return family;
  }

  public static MeasurementUnit.Definition unit(String code, Step... conversion) {
    return new MeasurementUnit.Definition(code, Map.of(), null, List.of(conversion));
  }

  /** KILOGRAM (standard), GRAM and POUND, with the reference data's conversions. */
  public static MeasurementFamily weight() {
    return measurementFamily(
        "Weight",
        "KILOGRAM",
        unit("GRAM", mul("0.001")),
        unit("KILOGRAM", mul("1")),
        unit("POUND", mul("0.45359237")));
  }

  /** KELVIN (standard), CELSIUS and FAHRENHEIT, with the reference data's conversions. */
  public static MeasurementFamily temperature() {
    return measurementFamily(
        "Temperature",
        "KELVIN",
        unit("CELSIUS", add("273.15")),
        unit("FAHRENHEIT", sub("32"), div("1.8"), add("273.15")),
        unit("KELVIN", mul("1")));
  }

  public static Step mul(String value) {
    return new Step(Operator.MUL, new BigDecimal(value));
  }

  public static Step div(String value) {
    return new Step(Operator.DIV, new BigDecimal(value));
  }

  public static Step add(String value) {
    return new Step(Operator.ADD, new BigDecimal(value));
  }

  public static Step sub(String value) {
    return new Step(Operator.SUB, new BigDecimal(value));
  }

  // ---------------------------------------------------------------- builders

  /** An attribute of a type; every type-specific property starts null (as the API leaves it). */
  public static final class AttributeBuilder {
    private final String code;
    private final AttributeType type;
    private String group = "other";
    private boolean localizable;
    private boolean scopable;
    private boolean unique;
    private int sortOrder;
    private Integer maxCharacters;
    private String validationRule;
    private String validationRegexp;
    private Boolean richText;
    private Boolean decimalsAllowed;
    private Boolean negativeAllowed;
    private BigDecimal numberMin;
    private BigDecimal numberMax;
    private String metricFamily;
    private String defaultMetricUnit;
    private LocalDate dateMin;
    private LocalDate dateMax;
    private Boolean gtin;

    private AttributeBuilder(String code, AttributeType type) {
      this.code = code;
      this.type = type;
    }

    public AttributeBuilder group(String group) {
      this.group = group;
      return this;
    }

    public AttributeBuilder localizable() {
      this.localizable = true;
      return this;
    }

    public AttributeBuilder scopable() {
      this.scopable = true;
      return this;
    }

    public AttributeBuilder unique() {
      this.unique = true;
      return this;
    }

    public AttributeBuilder sortOrder(int sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    public AttributeBuilder maxCharacters(int maxCharacters) {
      this.maxCharacters = maxCharacters;
      return this;
    }

    public AttributeBuilder email() {
      this.validationRule = "email";
      return this;
    }

    public AttributeBuilder url() {
      this.validationRule = "url";
      return this;
    }

    public AttributeBuilder regexp(String regexp) {
      this.validationRule = "regexp";
      this.validationRegexp = regexp;
      return this;
    }

    public AttributeBuilder richText() {
      this.richText = true;
      return this;
    }

    public AttributeBuilder richText(Boolean richText) {
      this.richText = richText;
      return this;
    }

    public AttributeBuilder decimalsAllowed() {
      return decimalsAllowed(true);
    }

    public AttributeBuilder decimalsAllowed(Boolean allowed) {
      this.decimalsAllowed = allowed;
      return this;
    }

    public AttributeBuilder negativeAllowed() {
      return negativeAllowed(true);
    }

    public AttributeBuilder negativeAllowed(Boolean allowed) {
      this.negativeAllowed = allowed;
      return this;
    }

    public AttributeBuilder min(String min) {
      this.numberMin = new BigDecimal(min);
      return this;
    }

    public AttributeBuilder max(String max) {
      this.numberMax = new BigDecimal(max);
      return this;
    }

    public AttributeBuilder metric(String family, String defaultUnit) {
      this.metricFamily = family;
      this.defaultMetricUnit = defaultUnit;
      return this;
    }

    public AttributeBuilder dateMin(String date) {
      this.dateMin = LocalDate.parse(date);
      return this;
    }

    public AttributeBuilder gtin() {
      this.gtin = true;
      return this;
    }

    public AttributeBuilder dateMax(String date) {
      this.dateMax = LocalDate.parse(date);
      return this;
    }

    public Attribute build() {
      var attribute = new Attribute(code);
      attribute.define(
          new Attribute.Definition(
              type,
              group,
              localizable,
              scopable,
              unique,
              sortOrder,
              maxCharacters,
              validationRule,
              validationRegexp,
              richText,
              decimalsAllowed,
              negativeAllowed,
              numberMin,
              numberMax,
              metricFamily,
              defaultMetricUnit,
              dateMin,
              dateMax,
              gtin,
              null));
      return attribute;
    }
  }

  /**
   * A catalog snapshot. Active locales and currencies are those of the channels, as the server
   * computes them; {@link #activeLocales} and {@link #activeCurrencies} override that.
   */
  public static final class CatalogBuilder {
    private long generation = 1;
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Map<String, AttributeGroup> attributeGroups = new LinkedHashMap<>();
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Set<String> locales = new TreeSet<>();
    private Set<String> activeLocales;
    private final Map<String, Integer> currencyDecimals = new LinkedHashMap<>();
    private Set<String> activeCurrencies;
    private final Map<String, MeasurementFamily> measurementFamilies = new LinkedHashMap<>();
    private final Map<String, FamilyVariant> familyVariants = new LinkedHashMap<>();
    private final Map<String, AssociationType> associationTypes = new LinkedHashMap<>();

    private CatalogBuilder() {}

    /** Removes everything, for a catalog built from scratch. */
    public CatalogBuilder empty() {
      attributes.clear();
      families.clear();
      channels.clear();
      locales.clear();
      activeLocales = null;
      currencyDecimals.clear();
      activeCurrencies = null;
      measurementFamilies.clear();
      return this;
    }

    public CatalogBuilder generation(long generation) {
      this.generation = generation;
      return this;
    }

    /** Adds the attribute, replacing one with the same code. */
    public CatalogBuilder attribute(Attribute attribute) {
      attributes.put(attribute.code(), attribute);
      return this;
    }

    public CatalogBuilder attributes(Attribute... attributes) {
      Arrays.stream(attributes).forEach(this::attribute);
      return this;
    }

    public CatalogBuilder withoutAttribute(String code) {
      attributes.remove(code);
      return this;
    }

    /** A group whose attributes are spared the data quality rules {@code disabledRules}. */
    public CatalogBuilder attributeGroup(String code, String... disabledRules) {
      var group = new AttributeGroup(code);
      group.setDisabledQualityRules(List.of(disabledRules));
      attributeGroups.put(code, group);
      return this;
    }

    public CatalogBuilder family(Family family) {
      families.put(family.code(), family);
      return this;
    }

    public CatalogBuilder channel(Channel channel) {
      channels.put(channel.code(), channel);
      return this;
    }

    public CatalogBuilder locales(String... codes) {
      locales.addAll(List.of(codes));
      return this;
    }

    public CatalogBuilder activeLocales(String... codes) {
      activeLocales = Set.of(codes);
      return this;
    }

    public CatalogBuilder currency(String code, int decimals) {
      currencyDecimals.put(code, decimals);
      return this;
    }

    public CatalogBuilder activeCurrencies(String... codes) {
      activeCurrencies = Set.of(codes);
      return this;
    }

    public CatalogBuilder familyVariant(FamilyVariant variant) {
      familyVariants.put(variant.code(), variant);
      return this;
    }

    public CatalogBuilder associationType(String code, boolean twoWay, boolean quantified) {
      var type = new AssociationType(code);
      type.define(twoWay, quantified);
      associationTypes.put(code, type);
      return this;
    }

    public CatalogBuilder measurementFamily(MeasurementFamily family) {
      measurementFamilies.put(family.code(), family);
      return this;
    }

    public CatalogSnapshot build() {
      Set<String> locales = new TreeSet<>(this.locales);
      Set<String> active = new TreeSet<>();
      Set<String> currencies = new TreeSet<>();
      channels
          .values()
          .forEach(
              c -> {
                active.addAll(c.locales());
                currencies.addAll(c.currencies());
              });
      return new CatalogSnapshot(
          generation,
          Map.copyOf(attributes),
          Map.copyOf(attributeGroups),
          Map.copyOf(families),
          Map.copyOf(channels),
          Set.copyOf(locales),
          Set.copyOf(activeLocales == null ? active : activeLocales),
          Map.copyOf(currencyDecimals),
          Set.copyOf(activeCurrencies == null ? currencies : activeCurrencies),
          Map.copyOf(measurementFamilies),
          Map.copyOf(familyVariants),
          Map.copyOf(associationTypes));
    }
  }
}
