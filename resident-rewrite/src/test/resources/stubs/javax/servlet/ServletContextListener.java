package javax.servlet;

public interface ServletContextListener extends java.util.EventListener {
  default void contextInitialized(ServletContextEvent event) {}
  default void contextDestroyed(ServletContextEvent event) {}
}
