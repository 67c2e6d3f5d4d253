package dev.resident.undertow.security;

import io.undertow.security.api.SecurityContext;
import io.undertow.security.idm.Account;
import io.undertow.security.idm.Credential;
import io.undertow.security.idm.IdentityManager;
import io.undertow.security.impl.SecurityContextImpl;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.security.Principal;
import java.util.Set;

/**
 * The signed-in caller of a request, attached to its exchange and made Undertow's authenticated account,
 * so that servlets see it as {@code getUserPrincipal()} and {@code isUserInRole}.
 */
final class Caller {

  private static final AttachmentKey<ResidentPrincipal> KEY = AttachmentKey.create(ResidentPrincipal.class);
  static final String MECHANISM = "RESIDENT";

  private static final IdentityManager NO_IDENTITIES = new IdentityManager() {
    @Override
    public Account verify(Account account) {
      return null;
    }

    @Override
    public Account verify(String id, Credential credential) {
      return null;
    }

    @Override
    public Account verify(Credential credential) {
      return null;
    }
  };

  private Caller() {}

  static void attach(HttpServerExchange exchange, ResidentPrincipal principal) {
    exchange.putAttachment(KEY, principal);
    SecurityContext context = new SecurityContextImpl(exchange, NO_IDENTITIES);
    context.authenticationComplete(new PrincipalAccount(principal), MECHANISM, false);
    exchange.setSecurityContext(context);
  }

  static ResidentPrincipal of(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }

  /** An Undertow account of a principal. */
  private record PrincipalAccount(ResidentPrincipal principal) implements Account {
    @Override
    public Principal getPrincipal() {
      return principal;
    }

    @Override
    public Set<String> getRoles() {
      return principal.roles();
    }
  }
}
