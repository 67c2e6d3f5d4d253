package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What values a field allows, and how its scalar is read.
 *
 * @param allowed the allowed values as messages word them, such as {@code an integer from 1 to 200}
 * @param reader reads a non-null scalar; empty when the scalar is not allowed
 * @param <T> the value type
 */
record Rule<T>(String allowed, Function<YamlNode.Scalar, Optional<T>> reader) {

  /**
   * Reads a value.
   *
   * @param node the value
   * @return the value, or empty when it is not a scalar, is null or is not allowed
   */
  Optional<T> read(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
      return reader.apply(scalar);
    }
    return Optional.empty();
  }

  /**
   * Returns a rule that also allows a keyword, such as {@code automatic} or {@code none}.
   *
   * @param keyword the keyword
   * @param value the value the keyword stands for
   * @return the wider rule
   */
  Rule<T> orKeyword(String keyword, T value) {
    return new Rule<>(
        allowed + ", or " + keyword,
        s -> s.token() == JsonToken.VALUE_STRING && s.text().equals(keyword)
            ? Optional.of(value)
            : reader.apply(s));
  }

  /**
   * Returns a rule that also requires the value to pass a test.
   *
   * @param allowed the wording of the narrower rule
   * @param test the test
   * @return the narrower rule
   */
  Rule<T> where(String allowed, Predicate<T> test) {
    return new Rule<>(allowed, s -> reader.apply(s).filter(test));
  }
}
