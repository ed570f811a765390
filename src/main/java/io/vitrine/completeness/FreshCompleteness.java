package io.vitrine.completeness;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** The products whose completeness this transaction already computed: no need to do it twice. */
@TransactionScoped
public class FreshCompleteness implements Serializable {

  private final Set<Long> ids = new HashSet<>();

  boolean isFresh(long id) {
    return ids.contains(id);
  }

  void add(java.util.Collection<Long> fresh) {
    ids.addAll(fresh);
  }
}
