package com.google.apphosting.api;

public class DeadlineExceededException extends RuntimeException {
  public DeadlineExceededException() {}
  public DeadlineExceededException(String message) { super(message); }
}
