package javax.servlet;

public class ServletContextEvent extends java.util.EventObject {
  public ServletContextEvent(Object source) { super(source); }
}
