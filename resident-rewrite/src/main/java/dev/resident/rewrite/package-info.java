/**
 * The migration recipe from App Engine (R-MIG-1). {@code META-INF/rewrite/resident.yml} declares
 * {@code dev.resident.MigrateFromAppEngine} from OpenRewrite's type, method and dependency recipes, the Jakarta
 * EE 10 migration and the two recipes here, which rewrite the App Engine calls whose Resident counterpart takes
 * other arguments or returns another type.
 */
package dev.resident.rewrite;
