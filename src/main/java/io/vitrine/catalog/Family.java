package io.vitrine.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a kind of product has: its attributes, which attribute names and pictures it, and which
 * attributes each channel requires before a product is complete there.
 */
@Entity
@Table(name = "family")
public class Family extends CatalogEntity {

  @Id private String code;

  @Column(name = "attribute_as_label")
  private String attributeAsLabel;

  @Column(name = "attribute_as_image")
  private String attributeAsImage;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "family_attribute", joinColumns = @JoinColumn(name = "family_code"))
  @Column(name = "attribute_code")
  private Set<String> attributes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "family_requirement", joinColumns = @JoinColumn(name = "family_code"))
  private Set<Requirement> requirements = new HashSet<>();

  protected Family() {}

  public Family(String code) {
    this.code = code;
  }

  /** An attribute a channel requires. */
  @Embeddable
  public static class Requirement {
    @Column(name = "channel_code")
    private String channel;

    @Column(name = "attribute_code")
    private String attribute;

    protected Requirement() {}

    public Requirement(String channel, String attribute) {
      this.channel = channel;
      this.attribute = attribute;
    }

    public String channel() {
      return channel;
    }

    public String attribute() {
      return attribute;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Requirement r
          && Objects.equals(channel, r.channel)
          && Objects.equals(attribute, r.attribute);
    }

    @Override
    public int hashCode() {
      return Objects.hash(channel, attribute);
    }
  }

  @Override
  public String code() {
    return code;
  }

  public String attributeAsLabel() {
    return attributeAsLabel;
  }

  public String attributeAsImage() {
    return attributeAsImage;
  }

  public Set<String> attributes() {
    return new TreeSet<>(attributes);
  }

  public Set<Requirement> requirements() {
    return Set.copyOf(requirements);
  }

  void define(
      Set<String> attributes, Set<Requirement> requirements, String asLabel, String asImage) {
    if (!this.attributes.equals(attributes)) {
      this.attributes.retainAll(attributes);
      this.attributes.addAll(attributes);
    }
    if (!this.requirements.equals(requirements)) {
      this.requirements.retainAll(requirements);
      this.requirements.addAll(requirements);
    }
    this.attributeAsLabel = asLabel;
    this.attributeAsImage = asImage;
  }
}
