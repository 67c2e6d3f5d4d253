package dev.resident.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LaunchOptionsTest {

  @Test
  @DisplayName("R-HOST-2: files alone run on 127.0.0.1:8080, in the order given")
  void defaults() {
    LaunchOptions options = LaunchOptions.parse("app.yaml", "backends.yaml", "dispatch.yaml");

    assertThat(options.address()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.check()).isFalse();
    assertThat(options.help()).isFalse();
    assertThat(options.files())
        .containsExactly(Path.of("app.yaml"), Path.of("backends.yaml"), Path.of("dispatch.yaml"));
  }

  @Test
  @DisplayName("R-HOST-2: --address, --port and --check, before, between or after the files")
  void options() {
    LaunchOptions options = LaunchOptions.parse("--address", "0.0.0.0", "app.yaml", "--port", "0", "w.yaml", "--check");

    assertThat(options.address()).isEqualTo("0.0.0.0");
    assertThat(options.port()).isZero();
    assertThat(options.check()).isTrue();
    assertThat(options.files()).containsExactly(Path.of("app.yaml"), Path.of("w.yaml"));
  }

  @Test
  @DisplayName("R-HOST-2: an option's value may follow an equals sign")
  void inlineValues() {
    LaunchOptions options = LaunchOptions.parse("--port=9090", "--address=::1", "app.yaml");

    assertThat(options.port()).isEqualTo(9090);
    assertThat(options.address()).isEqualTo("::1");
  }

  @Test
  @DisplayName("R-HOST-2: after --, an argument starting with a dash is a file")
  void endOfOptions() {
    LaunchOptions options = LaunchOptions.parse("--check", "--", "--odd.yaml", "-h");

    assertThat(options.help()).isFalse();
    assertThat(options.files()).containsExactly(Path.of("--odd.yaml"), Path.of("-h"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "app.yaml --port nonsense --help", "--prot -h"})
  @DisplayName("R-HOST-2: --help wins over every other argument, even a wrong one")
  void help(String line) {
    assertThat(LaunchOptions.parse(line.split(" ")).help()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                             | no FILE given; name the default module's yaml file first, such as app.yaml",
      "--check                        | no FILE given; name the default module's yaml file first, such as app.yaml",
      "app.yaml --port                | --port needs a value",
      "app.yaml --address             | --address needs a value",
      "--port eighty app.yaml         | --port must be an integer from 0 to 65535, found \"eighty\"",
      "--port 65536 app.yaml          | --port must be an integer from 0 to 65535, found \"65536\"",
      "--port -1 app.yaml             | --port must be an integer from 0 to 65535, found \"-1\"",
      "--port= app.yaml               | --port must be an integer from 0 to 65535, found \"\"",
      "--address= app.yaml            | --address must be an IP address or host name, found \"\"",
      "--port 1 --port 2 app.yaml     | --port is given twice",
      "--check --check app.yaml       | --check is given twice",
      "--check=yes app.yaml           | --check takes no value, found \"--check=yes\"",
      "--access-log= app.yaml         | --access-log must be a file path, found \"\"",
      "app.yaml --access-log          | --access-log needs a value",
      "--prot 8080 app.yaml           | unknown option --prot; options are --address, --port, --check, --instance, --access-log, --kubernetes-manifests, --image, --namespace and --help",
      "-p 8080 app.yaml               | unknown option -p; options are --address, --port, --check, --instance, --access-log, --kubernetes-manifests, --image, --namespace and --help",
  })
  @DisplayName("R-HOST-2: a wrong command line names the argument and what is allowed")
  void usageErrors(String line, String message) {
    String[] args = line.isBlank() ? new String[0] : line.trim().split(" +");

    assertThatThrownBy(() -> LaunchOptions.parse(args))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("R-OPS-3: --access-log names the file the access lines go to; without it, the logger")
  void accessLog() {
    assertThat(LaunchOptions.parse("--access-log", "logs/access.log", "app.yaml").accessLog())
        .isEqualTo(Path.of("logs/access.log"));
    assertThat(LaunchOptions.parse("--access-log=a.log", "app.yaml").files()).containsExactly(Path.of("app.yaml"));
    assertThat(LaunchOptions.parse("app.yaml").accessLog()).isNull();
  }

  @Test
  @DisplayName("R-HOST-2: an empty FILE is a usage error, not a missing file")
  void emptyFile() {
    assertThatThrownBy(() -> LaunchOptions.parse("app.yaml", " "))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("FILE must be a path to a yaml file, found \" \"");
  }

  @Test
  @DisplayName("R-HOST-2: the usage names every option and exit status")
  void usage() {
    assertThat(LaunchOptions.USAGE)
        .contains("dev.resident.undertow.Main [--address A] [--port P] [--check] FILE...")
        .contains("--address A", "--port P", "--check", "--help", "Exit status");
  }
}
