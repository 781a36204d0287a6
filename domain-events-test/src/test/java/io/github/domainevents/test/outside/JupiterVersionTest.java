package io.github.domainevents.test.outside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * These tests run twice: here on the parent's JUnit 5, and in domain-events-test-junit6 on JUnit
 * 6 (Spring Boot 4's). This test proves each run is on the version its build asked for.
 */
class JupiterVersionTest {

  @Test
  void runsOnTheJupiterVersionTheBuildChose() {
    String expected = System.getProperty("expectedJupiterVersion");

    assertThat(expected).as("surefire passes expectedJupiterVersion").isNotBlank();
    assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(expected);
  }
}
