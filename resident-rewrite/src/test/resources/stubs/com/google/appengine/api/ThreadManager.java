package com.google.appengine.api;

import java.util.concurrent.ThreadFactory;

public final class ThreadManager {
  public static ThreadFactory currentRequestThreadFactory() { return null; }
  public static Thread createThreadForCurrentRequest(Runnable runnable) { return null; }
  public static ThreadFactory backgroundThreadFactory() { return null; }
  public static Thread createBackgroundThread(Runnable runnable) { return null; }
}
