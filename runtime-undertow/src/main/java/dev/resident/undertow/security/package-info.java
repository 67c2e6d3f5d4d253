/**
 * Who may call what (R-SEC-1..3): signed internal requests ({@link
 * dev.resident.undertow.security.RequestSignatures} with the application's {@link
 * dev.resident.undertow.security.InternalSecret}), the caller of a request ({@link
 * dev.resident.undertow.security.Authenticator}, {@link dev.resident.undertow.security.IdentityHeaderAuthenticator}
 * behind {@link dev.resident.undertow.security.TrustedProxies}, the {@link
 * dev.resident.undertow.security.AdminToken}), and the handlers that enforce a version's access rules
 * before admission ({@link dev.resident.undertow.security.AccessHandler}), with the HTTPS listener's
 * {@link dev.resident.undertow.security.TlsContext}. {@link dev.resident.undertow.security.SecurityPlan}
 * puts them together and fails closed.
 */
package dev.resident.undertow.security;
