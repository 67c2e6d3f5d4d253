package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.fixture;
import static dev.resident.undertow.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AcceptanceTest {

  @Test
  @DisplayName(
      "R-CFG-5 a misspelt key, B8 on automatic scaling, instances 0 and no version: all four at once")
  void allErrorsOfAFileAtOnce() {
    assertThat(problems(fixture("acceptance/app.yaml")))
        .containsExactly(
            "app.yaml:1:1: version must be a name of 1 to 63 letters, digits and hyphens, not starting"
                + " or ending with a hyphen, found nothing",
            "app.yaml:3:1: unknown key thredsafe; did you mean threadsafe?",
            "app.yaml:4:17: instance_class must be one of F1, F2, F4, F4_1G for automatic scaling,"
                + " found \"B8\"",
            "app.yaml:6:18: automatic_scaling.max_instances must be an integer of 1 or more, found 0");
  }
}
