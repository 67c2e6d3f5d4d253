package dev.resident.undertow.security;

/** A test authenticator named in yaml: {@code X-Test-User} signs in anyone, {@code root} is an admin. */
public class HeaderAuthenticator implements Authenticator {

  @Override
  public ResidentPrincipal authenticate(Request request) {
    String user = request.header("X-Test-User");
    if (user == null) {
      return null;
    }
    if (user.equals("explode")) {
      throw new IllegalStateException("the test authenticator fails on purpose");
    }
    return user.equals("root") ? ResidentPrincipal.admin(user) : ResidentPrincipal.user(user);
  }
}
