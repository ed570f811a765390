package io.vitrine.quality;

import java.util.List;

/** The grade of a score: A from 90, B from 80, C from 70, D from 60, E below. */
public enum Grade {
  A(90),
  B(80),
  C(70),
  D(60),
  E(0);

  private final int lowest;

  Grade(int lowest) {
    this.lowest = lowest;
  }

  /** The lowest score with this grade. */
  public int lowest() {
    return lowest;
  }

  /** The highest score with this grade. */
  public int highest() {
    return this == A ? 100 : values()[ordinal() - 1].lowest - 1;
  }

  public static Grade of(int score) {
    for (Grade grade : values()) {
      if (score >= grade.lowest) {
        return grade;
      }
    }
    return E;
  }

  /** 100 minus the points of every issue, at least 0. */
  public static int score(List<Issue> issues) {
    int score = 100;
    for (Issue issue : issues) {
      score -= issue.rule().penalty();
    }
    return Math.max(0, score);
  }
}
