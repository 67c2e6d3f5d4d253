package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes bad yaml from good: drops, duplicates, swaps and re-indents lines, renames keys, changes scalars
 * to other types, inserts random characters, nests deeply, truncates, adds aliases, tags and documents.
 * Driven by a {@link Random}, so that a seed replays a case.
 */
final class YamlMutator {

  private static final String[] KEYS = {
      "application", "module", "service", "version", "runtime", "threadsafe", "instance_class",
      "automatic_scaling", "manual_scaling", "basic_scaling", "instances", "max_instances", "idle_timeout",
      "min_idle_instances", "max_idle_instances", "max_concurrent_requests", "max_pending_latency",
      "min_pending_latency", "handlers", "url", "servlet", "filter", "static_dir", "static_files", "upload",
      "login", "env_variables", "resident", "request_deadline", "pending_timeout", "shutdown_grace",
      "port", "instance_ports", "max_request_body", "max_header_size", "domain", "admin_token",
      "request_parse_timeout", "name", "class", "options", "start", "dispatch", "backends", "", " ", "-",
      "instnaces", "ｖｅｒｓｉｏｎ", "a.b", "[x]", "?", "<<", "1", "~", "true", "? [a, b]\n", "? {a: 1}\n",
      "&k version", "*k", "!!str version", "\"version\"", "'module'"};

  private static final String[] SCALARS = {
      "", "~", "null", "true", "false", "yes", "no", "on", "0", "-1", "1", "20", "21", "1.5", "-0", ".inf",
      ".nan", "0x1F", "0o17", "1_000", "99999999999999999999999999999999", "-99999999999999999999999",
      "1e400", "1e-400", "2147483648", "9223372036854775808", "'quoted'", "\"dq\"", "\"\\u0000\"",
      "\"\\x7f\"", "[1, 2]", "[]", "{}", "{a: 1}", "[[[]]]", "!!binary aGVsbG8=", "!!int x", "!!str 5",
      "!!float", "!custom x", "*undefined", "&anchor x", "5m", "0s", "25h", "1.5ms", "1KB", "9999999TB",
      "none", "automatic", "B8", "F1", "F4_1G", "/path/*", "*/mobile/*", "dynamic, failfast", "public",
      "|\n  block\n  text", ">\n  folded", "'unterminated", "\"unterminated", "a: b", "- item", "%TAG",
      "@reserved", "`tick", "\t", "\u0000", "\u0007", "\uFEFF", "\uD800", "😀", "x".repeat(5000)};

  private static final String CHARACTERS = ":-[]{}&*!|>'\"%@`#,? \t\n\r\\\u0000\u0001\u001b\u007f\u00a0\u2028\uFEFF\uD800é";

  private final Random random;

  YamlMutator(Random random) {
    this.random = random;
  }

  /** Applies from one to five mutations. */
  String mutate(String seed) {
    String text = seed;
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      text = mutateOnce(text);
    }
    return text;
  }

  private String mutateOnce(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(14)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2 -> lines.set(at, renameKey(line));
      case 3 -> lines.set(at, changeScalar(line));
      case 4 -> lines.set(at, reindent(line));
      case 5 -> {
        int other = random.nextInt(lines.size());
        lines.set(at, lines.get(other));
        lines.set(other, line);
      }
      case 6 -> lines.set(at, insertCharacters(line));
      case 7 -> lines.set(at, keyOf(line) + ": " + deepFlow());
      case 8 -> lines.add(at, deepBlock());
      case 9 -> {
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 10 -> lines.add(at, aliases());
      case 11 -> lines.add(at, random.nextBoolean() ? "---" : "...");
      case 12 -> lines.set(at, line.replace("  ", "\t"));
      default -> lines.add(at, randomKey() + ": " + randomScalar());
    }
    return String.join("\n", lines);
  }

  private String renameKey(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      return randomKey() + ": " + line;
    }
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String dash = line.stripLeading().startsWith("- ") ? "- " : "";
    return indent + dash + randomKey() + line.substring(colon);
  }

  private String changeScalar(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? randomScalar() : line.substring(0, colon + 1) + " " + randomScalar();
  }

  private String keyOf(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? randomKey() : line.substring(0, colon);
  }

  private String reindent(String line) {
    int shift = random.nextInt(7) - 3;
    if (shift >= 0) {
      return " ".repeat(shift) + line;
    }
    return line.substring(Math.min(line.length() - line.stripLeading().length(), -shift));
  }

  private String insertCharacters(String line) {
    StringBuilder out = new StringBuilder(line);
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      char c = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
      out.insert(random.nextInt(out.length() + 1), c);
    }
    return out.toString();
  }

  private String deepFlow() {
    int depth = deepOrShallow();
    String open = random.nextBoolean() ? "[" : "{a: ";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  private String deepBlock() {
    int depth = deepOrShallow();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      out.append(" ".repeat(i)).append(random.nextBoolean() ? "k" + i + ":" : "- k" + i + ":").append('\n');
    }
    return out.append(" ".repeat(depth)).append("v").toString();
  }

  /** A few levels, or about as many as the parser's limit of 1000, either side of it. */
  private int deepOrShallow() {
    return random.nextBoolean() ? 1 + random.nextInt(60) : 990 + random.nextInt(30);
  }

  private String aliases() {
    int levels = 1 + random.nextInt(9);
    StringBuilder out = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < levels; i++) {
      out.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        out.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      out.append("]\n");
    }
    return out.append("instances: *l").append(levels - 1).toString();
  }

  private String randomKey() {
    return KEYS[random.nextInt(KEYS.length)];
  }

  private String randomScalar() {
    return SCALARS[random.nextInt(SCALARS.length)];
  }
}
