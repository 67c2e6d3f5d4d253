package dev.resident.undertow.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application-wide values of all files ({@code application}, {@code resident.domain},
 * {@code resident.admin_token}): the first file that gives one sets it, and every other file that gives
 * it must agree (R-CFG-5).
 */
final class AppWideValues {
  private final Map<String, AppWideSetting> first = new LinkedHashMap<>();

  /**
   * Takes the values of one file, reporting those that differ from an earlier file's.
   *
   * @param settings the file's values
   * @param problems where to report
   */
  void add(List<AppWideSetting> settings, Problems problems) {
    for (AppWideSetting s : settings) {
      AppWideSetting earlier = first.putIfAbsent(s.field(), s);
      if (earlier == null || earlier.value().equals(s.value())) {
        continue;
      }
      if (s.secret()) {
        problems.mustBe(
            s.origin(), s.field(), "the same as in " + earlier.origin(), "a different value");
      } else {
        problems.mustBe(
            s.origin(),
            s.field(),
            "\"" + earlier.value() + "\" as in " + earlier.origin(),
            "\"" + s.value() + "\"");
      }
    }
  }

  /**
   * Returns a value.
   *
   * @param field such as {@code application}
   * @return the first value given, or empty
   */
  Optional<String> get(String field) {
    return Optional.ofNullable(first.get(field)).map(AppWideSetting::value);
  }

  /**
   * Returns where a value is written.
   *
   * @param field such as {@code resident.https_port}
   * @return the origin of the first value given, or empty
   */
  Optional<Origin> origin(String field) {
    return Optional.ofNullable(first.get(field)).map(AppWideSetting::origin);
  }
}
