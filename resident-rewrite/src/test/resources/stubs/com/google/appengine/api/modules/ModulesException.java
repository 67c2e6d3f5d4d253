package com.google.appengine.api.modules;

public class ModulesException extends RuntimeException {
  public ModulesException(String message) { super(message); }
  public ModulesException(String message, Throwable cause) { super(message, cause); }
}
