/**
 * Who may call what (R-SEC-1, R-SEC-2): the host refuses configuration asking for protection it cannot
 * give, so that no handler is ever served less protected than configured.
 */
package dev.resident.undertow.security;
