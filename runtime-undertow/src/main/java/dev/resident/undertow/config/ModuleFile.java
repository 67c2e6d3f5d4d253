package dev.resident.undertow.config;

import java.util.List;

/**
 * What one module yaml file configures: one module version and the application-wide values it gives.
 *
 * @param version the version, defaults applied
 * @param moduleOrigin where the module name is written; the start of the file when it is not
 * @param versionOrigin where the version name is written; the start of the file when it is not
 * @param appWide the {@code application}, {@code resident.domain} and {@code resident.admin_token} it
 *     gives
 */
record ModuleFile(
    VersionConfig version, Origin moduleOrigin, Origin versionOrigin, List<AppWideSetting> appWide) {

  ModuleFile {
    appWide = List.copyOf(appWide);
  }
}
