package io.vitrine.publish;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogTerms;
import io.vitrine.catalog.Channel;
import io.vitrine.completeness.CompletenessStore;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.IndexableProducts;
import io.vitrine.product.IndexableProducts.Indexable;
import io.vitrine.product.Products;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Judges a stored product for a channel (with what it inherits from its models). */
@ApplicationScoped
public class ChannelEligibility {

  @Inject Catalog catalog;
  @Inject Products products;
  @Inject IndexableProducts indexable;
  @Inject CompletenessStore completeness;
  @Inject CatalogTerms terms;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Verdict judge(String channelCode, String identifier) {
    Channel channel = catalog.current().channels().get(channelCode);
    if (channel == null) {
      throw new ProblemException(Problem.notFound("channel", channelCode));
    }
    Indexable product = indexable.resolve(List.of(products.get(identifier))).get(0);
    return Verdict.of(
        channel,
        new Verdict.Facts(
            product.identifier(),
            product.enabled(),
            product.categories(),
            roots(product.categories()),
            completeness.slots(List.of(product.id())).getOrDefault(product.id(), List.of())));
  }

  /** The root of each category's tree. */
  private Map<String, String> roots(Set<String> categories) {
    Map<String, String> parents = terms.categoryParents(catalog.current().generation());
    Map<String, String> roots = new HashMap<>();
    categories.forEach(code -> roots.put(code, ChannelView.root(code, parents)));
    return roots;
  }
}
