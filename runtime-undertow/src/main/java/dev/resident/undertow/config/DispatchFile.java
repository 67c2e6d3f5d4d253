package dev.resident.undertow.config;

import java.util.List;

/**
 * What a {@code dispatch.yaml} file configures (R-CFG-4).
 *
 * @param rules the rules in order
 * @param origin where the {@code dispatch} key is written
 * @param appWide the {@code application} it gives, if any
 */
record DispatchFile(List<PlacedRule> rules, Origin origin, List<AppWideSetting> appWide) {

  DispatchFile {
    rules = List.copyOf(rules);
    appWide = List.copyOf(appWide);
  }

  /**
   * A rule and the place of its module name.
   *
   * @param rule the rule
   * @param moduleField the field path of its module name, such as {@code dispatch[0].module}
   * @param moduleOrigin where the module name is written
   */
  record PlacedRule(DispatchRule rule, String moduleField, Origin moduleOrigin) {}
}
