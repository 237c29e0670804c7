package org.openissuer.error;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's error page (web.xml): whatever fails outside JAX-RS still gets the JSON
 * error envelope, never an HTML page or a stack trace.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/_error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        ErrorResponses.write(response, status, error(status));
    }

    static IssuerError error(int status) {
        if (status >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            return IssuerError.SERVER_ERROR;
        }
        return status == HttpServletResponse.SC_NOT_FOUND ? IssuerError.NOT_FOUND : IssuerError.INVALID_REQUEST;
    }
}
