package javax.servlet.http;

import java.io.IOException;
import java.io.PrintWriter;

public interface HttpServletResponse {
  int SC_SERVICE_UNAVAILABLE = 503;
  void setContentType(String type);
  void setStatus(int status);
  void sendError(int status, String message) throws IOException;
  PrintWriter getWriter() throws IOException;
}
