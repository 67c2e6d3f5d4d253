package dev.resident.undertow.instance;

/** How a request that reached an instance ended, by its status code; rejections are counted apart. */
public enum RequestOutcome {
  /** 1xx, 2xx and 3xx. */
  SUCCESS("success"),
  /** 4xx. */
  CLIENT_ERROR("client_error"),
  /** 5xx, and a response that never got a status. */
  SERVER_ERROR("server_error");

  private static final RequestOutcome[] VALUES = values();

  private final String tag;

  RequestOutcome(String tag) {
    this.tag = tag;
  }

  /**
   * Returns the outcome of a status code.
   *
   * @param status the HTTP status
   * @return its outcome
   */
  public static RequestOutcome of(int status) {
    return status >= 500 || status < 100 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
  }

  static RequestOutcome at(int ordinal) {
    return VALUES[ordinal];
  }

  /**
   * Returns the name metrics tag it with.
   *
   * @return such as {@code client_error}
   */
  public String tag() {
    return tag;
  }
}
