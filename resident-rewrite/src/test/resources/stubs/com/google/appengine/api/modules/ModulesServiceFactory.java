package com.google.appengine.api.modules;

public final class ModulesServiceFactory {
  public static ModulesService getModulesService() { return null; }
}
