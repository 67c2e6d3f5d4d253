package dev.resident.undertow.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** An HTTP client for the admin API in tests: every call has a timeout, JSON bodies are parsed. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private Api() {}

  static Answer call(int port, String method, String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      builder.headers(headers);
    }
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Answer get(int port, String path, String... headers) {
    return call(port, "GET", path, headers);
  }

  /** A state change as the console sends it: with the custom header. */
  static Answer change(int port, String method, String path) {
    return call(port, method, path, "X-Resident-Admin", "1");
  }

  /** Follows a state change's answer to the end of its operation, and returns the operation. */
  static JsonNode finish(int port, Answer answer) {
    if (answer.status() != 200 && answer.status() != 202) {
      throw new AssertionError("not accepted: " + answer.status() + " " + answer.body());
    }
    JsonNode operation = answer.json();
    String location = operation.get("location").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (operation.get("state").asText().equals("running")) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("operation still running: " + operation);
      }
      LockSupport.parkNanos(10_000_000);
      operation = get(port, location).json();
    }
    return operation;
  }

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      LockSupport.parkNanos(5_000_000);
    }
  }
}
