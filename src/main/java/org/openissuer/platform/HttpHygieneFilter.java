package org.openissuer.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before anything else: refuses the request framings a proxy and this server could read
 * differently (request smuggling), and sets the headers every answer carries. The HTTP channel
 * has already framed the request; this is what the application can still see (docs/security.md, "Limits
 * of the HTTP channel").
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpHygieneFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    // RFC 9110 §8.6: Content-Length = 1*DIGIT; a list ("0, 96") or a sign is not a length
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // RFC 9110 §15.5.1 / OWASP: the browser must not guess a type; no page of ours may be framed
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        String refusal = framingRefusal(request);
        if (refusal != null) {
            refuse(response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    static String framingRefusal(HttpServletRequest request) {
        List<String> lengths = Collections.list(request.getHeaders("Content-Length"));
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        // RFC 9112 §6.3 item 3: Transfer-Encoding with Content-Length is a smuggling attempt; reject and close
        if (chunked && !lengths.isEmpty()) {
            return "Content-Length and Transfer-Encoding together";
        }
        // RFC 9112 §6.3 item 5: an invalid Content-Length, or several that differ, is an unrecoverable
        // framing error; RFC 9110 §8.6 lets a recipient take identical values as one (Liberty's HTTP/2
        // channel hands the application the length twice)
        List<String> values = lengths.stream().flatMap(v -> Arrays.stream(v.split(",", -1))).map(String::strip).toList();
        if (!values.isEmpty() && (!values.stream().allMatch(v -> LENGTH.matcher(v).matches())
                || values.stream().distinct().count() > 1)) {
            return "the Content-Length is not a single non-negative integer";
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, String description) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // RFC 9112 §6.3: the server MUST close the connection after answering
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}");
    }
}
