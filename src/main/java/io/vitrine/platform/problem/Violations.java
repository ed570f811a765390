package io.vitrine.platform.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a request, so the answer lists all of them at once. */
public final class Violations {

  private final List<Violation> list = new ArrayList<>();

  public Violations add(String property, String message) {
    list.add(Violation.of(property, message));
    return this;
  }

  public Violations add(String property, String locale, String scope, String message) {
    list.add(new Violation(property, locale, scope, message));
    return this;
  }

  public Violations add(Violation violation) {
    list.add(violation);
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public int size() {
    return list.size();
  }

  public List<Violation> list() {
    return List.copyOf(list);
  }

  /** Ends the request with a 422 listing every violation, if there is any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ProblemException(Problem.validation(list));
    }
  }

  @Override
  public String toString() {
    return list.toString();
  }
}
