package com.example.guestbook;

import com.google.appengine.api.LifecycleManager;
import com.google.appengine.api.ThreadManager;
import java.util.concurrent.ThreadFactory;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;

/** Warms a cache on a request thread at start; gives the shutdown grace left to the log at stop. */
public class GuestbookListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ThreadFactory factory = ThreadManager.currentRequestThreadFactory();
    factory.newThread(() -> System.out.println("warming up")).start();
    ThreadManager.createThreadForCurrentRequest(() -> System.out.println("warming more")).start();
    ThreadManager.backgroundThreadFactory().newThread(() -> System.out.println("background")).start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    LifecycleManager lifecycle = LifecycleManager.getInstance();
    if (lifecycle.isShuttingDown()) {
      System.out.println("grace left: " + lifecycle.getRemainingShutdownTime() + " ms");
    } else {
      lifecycle.beginShutdown(5000);
    }
  }
}
