package javax.servlet;

public class ServletException extends Exception {
  public ServletException() {}
  public ServletException(String message) { super(message); }
}
