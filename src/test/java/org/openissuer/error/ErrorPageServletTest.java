package org.openissuer.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

    /** The container's status, and what the page wrote. */
    private static Map<String, Object> page(Integer containerStatus) throws Exception {
        Map<String, Object> written = new HashMap<>();
        StringWriter body = new StringWriter();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(ErrorPageServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> method.getName().equals("getAttribute")
                        && RequestDispatcher.ERROR_STATUS_CODE.equals(args[0]) ? containerStatus : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(ErrorPageServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> written.put("status", args[0]);
                        case "setContentType" -> written.put("type", args[0]);
                        case "setHeader" -> written.put((String) args[0], args[1]);
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        new ErrorPageServlet().service(request, response);
        written.put("body", body.toString());
        return written;
    }

    @Test
    void theContainersStatusKeepsItsCodeFromIssuerError() throws Exception {
        Map<String, Object> error = page(500);
        assertEquals(500, error.get("status"));
        assertEquals("{\"error\":\"" + IssuerError.SERVER_ERROR.code() + "\"}", error.get("body"));
        assertEquals("no-store", error.get("Cache-Control"));
        assertEquals("application/json", error.get("type"));

        assertEquals("{\"error\":\"not_found\"}", page(404).get("body"));
        assertEquals("{\"error\":\"not_found\"}", page(null).get("body"), "no status: a path nothing serves");
        Map<String, Object> tooLarge = page(413);
        assertEquals(413, tooLarge.get("status"));
        assertEquals("{\"error\":\"invalid_request\"}", tooLarge.get("body"));
    }
}
