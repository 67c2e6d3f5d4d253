/**
 * Operations on the main port (R-OPS-1, R-OPS-2): the admin API under {@code /_ah/admin/api/}, the Instances
 * Console at {@code /_ah/admin}, and the access rule they and {@code /_ah/metrics} share ({@link
 * dev.resident.undertow.admin.AdminAccess}). Admin work runs on the host's lifecycle threads, never on an
 * I/O thread.
 */
package dev.resident.undertow.admin;
