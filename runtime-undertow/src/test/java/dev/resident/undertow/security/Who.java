package dev.resident.undertow.security;

import dev.resident.api.InternalRequests;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers who called: the principal, whether an admin, and the security headers user code can see.
 * Counts its calls, so that tests see that a refused request never reached it.
 */
public class Who extends HttpServlet {

  static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    CALLS.incrementAndGet();
    Principal principal = request.getUserPrincipal();
    List<String> seen = new ArrayList<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-appengine-") || lower.startsWith("x-goog-") || lower.startsWith("x-forwarded-")
          || lower.equals(InternalRequests.HEADER_NAME.toLowerCase(Locale.ROOT)) || lower.equals("authorization")) {
        seen.add(lower);
      }
    }
    Collections.sort(seen);
    response.setContentType("text/plain");
    response.getWriter().print(request.getMethod() + " " + request.getRequestURI() + " user="
        + (principal == null ? "-" : principal.getName()) + " admin=" + request.isUserInRole("admin")
        + " remote=" + (request.getRemoteUser() == null ? "-" : request.getRemoteUser()) + " seen=" + seen);
  }
}
