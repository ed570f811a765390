package io.vitrine.product;

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
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A product model: the values shared by the variants below it, at one level of its family variant
 * (the root model holds the common attributes, a sub-model those of the first level). Codes are
 * unique without regard to case, like product identifiers.
 */
@Entity
@Table(name = "product_model")
public class ProductModel {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_model_seq")
  @SequenceGenerator(
      name = "product_model_seq",
      sequenceName = "product_model_seq",
      allocationSize = 50)
  private Long id;

  private String code;

  @Column(name = "code_key")
  private String codeKey;

  @Column(name = "family_code")
  private String family;

  @Column(name = "family_variant")
  private String familyVariant;

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
  @CollectionTable(name = "product_model_category", joinColumns = @JoinColumn(name = "model_id"))
  @Column(name = "category_code")
  @BatchFetch(BatchFetchType.IN)
  private Set<String> categories = new HashSet<>();

  protected ProductModel() {}

  ProductModel(String code, String family, String familyVariant) {
    this.code = code;
    this.codeKey = Product.key(code);
    this.family = family;
    this.familyVariant = familyVariant;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String family() {
    return family;
  }

  public String familyVariant() {
    return familyVariant;
  }

  /** The root model above this sub-model, or null for a root model. */
  public Long parentId() {
    return parentId;
  }

  /** 0 for a root model, 1 for a sub-model. */
  public int level() {
    return parentId == null ? 0 : 1;
  }

  String axisKey() {
    return axisKey;
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

  Node node() {
    return new Node(Node.Type.MODEL, id);
  }

  /** Whether the model may own links: false means it owns none. */
  boolean linked() {
    return linked;
  }

  void linked(boolean linked) {
    this.linked = linked;
  }

  void apply(
      Long parentId,
      String axisKey,
      Set<String> categories,
      ProductValues values,
      OffsetDateTime now) {
    this.parentId = parentId;
    this.axisKey = axisKey;
    valuesJson = values.toJson().toString();
    if (!this.categories.equals(categories)) {
      this.categories.retainAll(categories);
      this.categories.addAll(categories);
    }
    if (created == null) {
      created = now;
    }
    updated = now;
  }

  void touch(OffsetDateTime now) {
    updated = now;
  }
}
