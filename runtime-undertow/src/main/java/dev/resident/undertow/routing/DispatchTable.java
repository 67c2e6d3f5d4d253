package dev.resident.undertow.routing;

import dev.resident.undertow.config.DispatchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of {@code dispatch.yaml} in order (R-CFG-4): the first rule whose pattern matches a request
 * names its module. The main port asks it before it looks at the Host header (R-HOST-3).
 *
 * <p>Immutable and thread-safe; {@link #moduleFor} allocates nothing.
 */
public final class DispatchTable {

  /** The most rules App Engine accepts in one {@code dispatch.yaml}. */
  public static final int MAX_RULES = 20;

  private static final DispatchTable EMPTY = new DispatchTable(List.of());

  /**
   * One rule: requests that match {@code pattern} go to {@code module}.
   *
   * @param pattern the compiled url pattern
   * @param module the name of the module that serves matching requests
   */
  public record Rule(DispatchPattern pattern, String module) {

    /**
     * Checks the parts.
     *
     * @param pattern the compiled url pattern
     * @param module the name of the module that serves matching requests
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if the module name is empty
     */
    public Rule {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(module, "module");
      if (module.isEmpty()) {
        throw new IllegalArgumentException("the module of dispatch rule " + pattern + " is empty");
      }
    }
  }

  private final List<Rule> rules;
  private final List<Optional<String>> modules;

  /**
   * Makes a table of rules, evaluated in the given order.
   *
   * @param rules at most {@link #MAX_RULES} rules
   * @throws IllegalArgumentException if there are more than {@link #MAX_RULES} rules
   * @throws NullPointerException if the list or a rule is null
   */
  public DispatchTable(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    if (this.rules.size() > MAX_RULES) {
      throw new IllegalArgumentException(
          "dispatch must have at most " + MAX_RULES + " rules, found " + this.rules.size());
    }
    this.modules = this.rules.stream().map(rule -> Optional.of(rule.module())).toList();
  }

  /**
   * Returns the table with no rules, which sends every request on to host-based routing.
   *
   * @return the empty table
   */
  public static DispatchTable empty() {
    return EMPTY;
  }

  /**
   * Compiles the rules of the configuration model.
   *
   * @param rules the rules as written in {@code dispatch.yaml}, in order
   * @return the table
   * @throws IllegalArgumentException if there are more than {@link #MAX_RULES} rules, or a url is not a
   *     valid pattern; the message names the rule, as in {@code dispatch[2].url must be host/path ...}
   */
  public static DispatchTable compile(List<DispatchRule> rules) {
    List<Rule> compiled = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      DispatchRule rule = rules.get(i);
      DispatchPattern pattern;
      try {
        pattern = DispatchPattern.parse(rule.url());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("dispatch[" + i + "].url " + e.getMessage(), e);
      }
      compiled.add(new Rule(pattern, rule.module()));
    }
    return new DispatchTable(compiled);
  }

  /**
   * Finds the module of a request.
   *
   * @param host the Host header value without its port ({@link HostNameParser#hostName}), any case; null
   *     when the request has none
   * @param path the request path without the query
   * @return the module of the first rule that matches, or empty when none does
   */
  public Optional<String> moduleFor(String host, String path) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).pattern().matches(host, path)) {
        return modules.get(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the rules in order.
   *
   * @return an unmodifiable list
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Describes the table, such as {@code dispatch( *}{@code /mobile/* -> mobile-frontend )}.
   *
   * @return the rules in order; {@code dispatch( none )} for no rules
   */
  @Override
  public String toString() {
    if (rules.isEmpty()) {
      return "dispatch( none )";
    }
    return rules.stream()
        .map(rule -> rule.pattern() + " -> " + rule.module())
        .collect(Collectors.joining(", ", "dispatch( ", " )"));
  }
}
