package io.github.domainevents.test;

/** Failure messages of the kit: what was expected, what happened, and the recorded tree. */
final class Failures {
  private Failures() {}

  /**
   * The message of a failed expectation: <pre>
   * Expecting: &lt;expectation&gt;
   * but: &lt;what happened&gt;
   * Captured events (test 'x()'), as causal trees:
   * &lt;tree&gt;</pre>
   */
  static String message(String expectation, String actual, CapturedEvents captured) {
    return "\nExpecting:\n  " + expectation + "\nbut:\n  " + actual + "\nCaptured events ("
        + captured.name() + "), as causal trees:\n" + captured.renderTree();
  }
}
