package dev.resident.api.modules;

/**
 * Thrown for an unknown module, version or instance, and for an operation the scaling type of a version
 * does not allow. The message names what was asked for and what exists.
 */
public class ModulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong and what is allowed
   */
  public ModulesException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was wrong and what is allowed
   * @param cause the failure behind it
   */
  public ModulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
