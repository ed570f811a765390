package io.vitrine.product;

import io.vitrine.platform.problem.Violations;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A product: its identifier (unique without regard to case), family, categories, status, and its
 * values as one JSON document (DESIGN decision 3). Instances only ever hold validated values.
 */
@Entity
@Table(name = "product")
public class Product {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
  @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
  private Long id;

  private String identifier;

  @Column(name = "identifier_key")
  private String identifierKey;

  @Column(name = "family_code")
  private String family;

  private boolean enabled = true;

  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "axis_key")
  private String axisKey;

  @Column(name = "values_json")
  private String valuesJson = "{}";

  // Kept by AssociationRows with the links themselves.
  @Column(insertable = false, updatable = false)
  private boolean linked;

  @Version private long version;

  private OffsetDateTime created;

  private OffsetDateTime updated;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "product_category", joinColumns = @JoinColumn(name = "product_id"))
  @Column(name = "category_code")
  @BatchFetch(BatchFetchType.IN)
  private Set<String> categories = new HashSet<>();

  protected Product() {}

  Product(String identifier) {
    rename(identifier);
  }

  /** The longest identifier key or unique value key the database stores (VARCHAR(510)). */
  public static final int MAX_KEY_LENGTH = 510;

  private static final Pattern FORBIDDEN_IN_KEY = Pattern.compile("[\\p{Cntrl},;/\\\\]");

  /**
   * Checks the form every product identifier and product model code has: not blank, no spaces
   * around it, short enough to store, nothing that breaks a URL path or a CSV cell. Returns false
   * when it is blank, as nothing else is worth saying then.
   */
  static boolean checkKeyForm(String field, String value, Violations violations) {
    if (value.isBlank()) {
      violations.add(field, "must not be empty.");
      return false;
    }
    if (!value.strip().equals(value)) {
      violations.add(field, "must not start or end with spaces.");
    }
    if (key(value).length() > MAX_KEY_LENGTH) {
      violations.add(
          field, "is too long to be stored: at most " + MAX_KEY_LENGTH + " UTF-16 characters.");
    }
    if (FORBIDDEN_IN_KEY.matcher(value).find()) {
      violations.add(
          field, "must not contain '/', '\\', ',', ';', line breaks or other control characters.");
    }
    return true;
  }

  /** The key identifiers are unique and looked up by: "TS-01" and "ts-01" are one product. */
  public static String key(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  public Long id() {
    return id;
  }

  public String identifier() {
    return identifier;
  }

  public String family() {
    return family;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The id of the product model this variant belongs to, or null for a product on its own. */
  public Long parentId() {
    return parentId;
  }

  public ProductValues values() {
    return ProductValues.parse(valuesJson);
  }

  /** The values as stored, unparsed. */
  String valuesJson() {
    return valuesJson;
  }

  public Set<String> categories() {
    return new TreeSet<>(categories);
  }

  public long version() {
    return version;
  }

  public OffsetDateTime created() {
    return created;
  }

  public OffsetDateTime updated() {
    return updated;
  }

  void rename(String identifier) {
    this.identifier = identifier;
    this.identifierKey = key(identifier);
  }

  void place(Long parentId, String axisKey) {
    this.parentId = parentId;
    this.axisKey = axisKey;
  }

  String axisKey() {
    return axisKey;
  }

  /** Marks the product changed by something it shows but does not hold (inherited, linked). */
  void touch(OffsetDateTime now) {
    updated = now;
  }

  Node node() {
    return new Node(Node.Type.PRODUCT, id);
  }

  /** Whether the product may own links: false means it owns none. */
  boolean linked() {
    return linked;
  }

  void linked(boolean linked) {
    this.linked = linked;
  }

  void apply(ProductState state, OffsetDateTime now) {
    if (!state.identifier().equals(identifier)) {
      rename(state.identifier());
    }
    family = state.family();
    enabled = state.enabled();
    valuesJson = state.values().toJson().toString();
    if (!categories.equals(state.categories())) {
      categories.retainAll(state.categories());
      categories.addAll(state.categories());
    }
    if (created == null) {
      created = now;
    }
    updated = now;
  }

  /** What this product holds now, to merge a change into. */
  ProductState state() {
    return new ProductState(identifier, family, categories(), enabled, values());
  }
}
