package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.load;
import static dev.resident.undertow.config.Fixtures.problems;
import static dev.resident.undertow.config.Fixtures.warnings;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code handlers} of a module yaml file (R-CFG-2). */
class HandlersTest {

  @Test
  @DisplayName("R-CFG-2 handlers are read in order with their kind, target and login")
  void handlersRead() {
    var file =
        yaml(
            "app.yaml",
            """
            version: v1
            handlers:
            - url: /tasks/*
              servlet: com.example.TaskServlet
              login: admin
            - url: /*
              filter: com.example.AuthFilter
              login: required
            - url: /static
              static_dir: web/static
            - url: /img/*
              static_files: web/img
              upload: web/img/.*\\.png
            """);

    assertThat(load(file).application().defaultModule().defaultVersion().handlers())
        .containsExactly(
            new HandlerConfig(
                "/tasks/*",
                HandlerConfig.Kind.SERVLET,
                "com.example.TaskServlet",
                null,
                HandlerConfig.Login.ADMIN),
            new HandlerConfig(
                "/*",
                HandlerConfig.Kind.FILTER,
                "com.example.AuthFilter",
                null,
                HandlerConfig.Login.REQUIRED),
            new HandlerConfig(
                "/static", HandlerConfig.Kind.STATIC_DIR, "web/static", null, HandlerConfig.Login.OPTIONAL),
            new HandlerConfig(
                "/img/*",
                HandlerConfig.Kind.STATIC_FILES,
                "web/img",
                "web/img/.*\\.png",
                HandlerConfig.Login.OPTIONAL));
  }

  @Test
  @DisplayName("R-CFG-2 a handler has one of servlet, filter, static_dir, static_files")
  void handlerNeedsAKind() {
    assertThat(problems(yaml("app.yaml", "version: v1\nhandlers:\n- url: /tasks/*\n  login: admin\n")))
        .containsExactly(
            "app.yaml:3:3: handlers[0] must have one of servlet, filter, static_dir or static_files,"
                + " found none");
  }

  @Test
  @DisplayName("R-CFG-2 a handler has only one of servlet, filter, static_dir, static_files")
  void handlerHasOneKind() {
    var file = yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  servlet: a.B\n  filter: a.C\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:5:3: handlers[0].filter must be absent when servlet is given (one of servlet,"
                + " filter, static_dir or static_files), found both");
  }

  @Test
  @DisplayName("R-CFG-2 static_files requires upload")
  void staticFilesNeedUpload() {
    assertThat(problems(yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  static_files: web\n")))
        .containsExactly("app.yaml:3:3: handlers[0].upload must be a regular expression, found nothing");
  }

  @Test
  @DisplayName("R-CFG-2 login is optional, required or admin")
  void loginValues() {
    var file = yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  servlet: a.B\n  login: admins\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:5:10: handlers[0].login must be one of optional, required, admin, found \"admins\"");
  }

  @Test
  @DisplayName("R-SEC-1 R-SEC-2 login, secure and auth_fail_action become the version's access rules")
  void accessRules() {
    var file =
        yaml(
            "app.yaml",
            """
            version: v1
            handlers:
            - url: /admin/*
              servlet: a.Admin
              login: admin
              auth_fail_action: unauthorized
            - url: /pay
              servlet: a.Pay
              secure: always
            - url: /*
              servlet: a.Front
              secure: optional
            """);

    assertThat(load(file).application().defaultModule().defaultVersion().accessRules())
        .containsExactly(
            new AccessRule(
                "/admin/*",
                java.util.Set.of(),
                HandlerConfig.Login.ADMIN,
                AccessRule.Secure.OPTIONAL,
                AccessRule.AuthFailAction.UNAUTHORIZED,
                new Origin("app.yaml", 3, 3)),
            new AccessRule(
                "/pay",
                java.util.Set.of(),
                HandlerConfig.Login.OPTIONAL,
                AccessRule.Secure.ALWAYS,
                AccessRule.AuthFailAction.REDIRECT,
                new Origin("app.yaml", 7, 3)));
  }

  @Test
  @DisplayName("R-SEC-2 secure is optional, never or always")
  void secureValues() {
    var file = yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  servlet: a.B\n  secure: sometimes\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:5:11: handlers[0].secure must be one of optional, never, always, found \"sometimes\"");
  }

  @Test
  @DisplayName("R-CFG-2 url is a servlet path pattern")
  void urlPattern() {
    assertThat(problems(yaml("app.yaml", "version: v1\nhandlers:\n- url: tasks\n  servlet: a.B\n")))
        .containsExactly(
            "app.yaml:3:8: handlers[0].url must be a servlet path pattern such as /, /tasks/* or *.jsp,"
                + " found \"tasks\"");
  }

  @Test
  @DisplayName("R-CFG-2 servlet is a class name")
  void servletClassName() {
    assertThat(load(yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  servlet: a.b.C$D\n")).warnings())
        .isEmpty();
    assertThat(problems(yaml("app.yaml", "version: v1\nhandlers:\n- url: /a\n  servlet: my servlet\n")))
        .containsExactly(
            "app.yaml:4:12: handlers[0].servlet must be a class name such as com.example.Worker, found"
                + " \"my servlet\"");
  }

  @Test
  @DisplayName("R-CFG-5 a python script handler is skipped with a warning")
  void scriptHandlerSkipped() {
    var file = yaml("app.yaml", "version: v1\nhandlers:\n- url: /.*\n  script: main.app\n");

    assertThat(warnings(file))
        .containsExactly(
            "app.yaml:4:3: warning: handlers[0].script is accepted for App Engine compatibility and"
                + " ignored");
    assertThat(load(file).application().defaultModule().defaultVersion().handlers()).isEmpty();
  }
}
