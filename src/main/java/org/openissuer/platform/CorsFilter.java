package org.openissuer.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place CORS is done (Fetch standard, CORS protocol): preflights of the wallet endpoints
 * (metadata, nonce, token, credential, offers by reference) and, only when origins are configured
 * for it, of the back-office API, are answered here before any authentication; every answer of
 * those paths, errors included, carries the headers a browser wallet needs to read it.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 50)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String WALLET_METHODS = "GET, POST, OPTIONS";
    static final String ADMIN_METHODS = "GET, POST, DELETE, OPTIONS";
    static final String PUBLIC_METHODS = "GET, OPTIONS";
    // status list tokens and the trust anchor are signed and public: any verifier's page may read them, whatever the settings
    static final CorsPolicy ANY_ORIGIN = new CorsPolicy(true, java.util.Set.of());
    static final String ALLOWED_HEADERS = "Authorization, DPoP, Content-Type";
    static final String EXPOSED_HEADERS = "DPoP-Nonce, WWW-Authenticate, Retry-After, X-Request-Id";
    static final String MAX_AGE_SECONDS = "600";

    private final CorsSettings settings;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public CorsFilter() {
        this.settings = null;
    }

    @Inject
    public CorsFilter(CorsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString(ORIGIN) != null
                && request.getHeaderString(REQUEST_METHOD) != null;
        Scope scope = scope(request.getUriInfo().getPath());
        if (!preflight || scope == Scope.NONE || !policy(scope).enabled()) {
            return;
        }
        // the response filter adds Allow-Origin and Vary, as for every other answer of these paths
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Methods", methods(scope))
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Scope scope = scope(request.getUriInfo().getPath());
        if (scope == Scope.NONE || !policy(scope).enabled()) {
            return;
        }
        CorsPolicy policy = policy(scope);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!policy.anyOrigin()) {
            // the answer depends on the Origin: a shared cache must not hand it to another origin
            vary(headers, ORIGIN);
        }
        policy.allowOrigin(request.getHeaderString(ORIGIN)).ifPresent(origin -> {
            headers.putSingle(ALLOW_ORIGIN, origin);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        });
    }

    enum Scope { WALLET, ADMIN, PUBLIC, NONE }

    private static String methods(Scope scope) {
        return switch (scope) {
            case ADMIN -> ADMIN_METHODS;
            case PUBLIC -> PUBLIC_METHODS;
            case WALLET, NONE -> WALLET_METHODS;
        };
    }

    /** @param path relative to the application, with or without the leading slash */
    static Scope scope(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("oid4vci/") || p.startsWith(".well-known/") || p.contains("/.well-known/")) {
            return Scope.WALLET;
        }
        if (p.startsWith(Endpoints.STATUS_LISTS.substring(1) + "/") || p.startsWith(Endpoints.CERTIFICATES.substring(1) + "/")) {
            return Scope.PUBLIC;
        }
        return p.equals("admin") || p.startsWith("admin/") ? Scope.ADMIN : Scope.NONE;
    }

    private CorsPolicy policy(Scope scope) {
        return switch (scope) {
            case ADMIN -> settings.admin();
            case PUBLIC -> ANY_ORIGIN;
            case WALLET, NONE -> settings.wallets();
        };
    }

    static void vary(MultivaluedMap<String, Object> headers, String name) {
        Object existing = headers.getFirst(HttpHeaders.VARY);
        if (existing == null || existing.toString().isBlank()) {
            headers.putSingle(HttpHeaders.VARY, name);
        } else if (!existing.toString().toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT))) {
            headers.putSingle(HttpHeaders.VARY, existing + ", " + name);
        }
    }
}
