package org.openissuer.status.boundary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.Endpoints;
import org.openissuer.status.control.StatusListTokens;
import org.openissuer.status.control.StatusSettings;
import org.openissuer.status.entity.ServedList;

/**
 * Serves Status List Tokens to Relying Parties (draft-ietf-oauth-status-list-21, "Status List
 * Request"): unauthenticated, cacheable, readable from any origin, gzip when the client takes it.
 */
@RequestScoped
@Path(Endpoints.STATUS_LISTS + "/{id}")
public class StatusListResource {

    public static final String MEDIA_TYPE = "application/statuslist+jwt";
    private static final Pattern LIST_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private final StatusListTokens tokens;
    private final StatusSettings settings;
    private final Clock clock;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public StatusListResource() {
        this(null, null, null);
    }

    @Inject
    public StatusListResource(StatusListTokens tokens, StatusSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    public Response list(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        if (id == null || !LIST_ID.matcher(id).matches()) {
            throw notFound();
        }
        ServedList served = tokens.current(Integer.parseInt(id)).orElseThrow(StatusListResource::notFound);
        boolean gzip = acceptsGzip(acceptEncoding);
        String etag = gzip ? served.gzipEtag() : served.etag();
        long maxAge = served.maxAgeSeconds(settings.ttl(), clock.instant());
        Response.ResponseBuilder response = matches(ifNoneMatch, served)
                ? Response.notModified()
                : Response.ok(gzip ? served.gzipped() : served.jwt().getBytes(StandardCharsets.US_ASCII), MEDIA_TYPE);
        if (gzip) {
            response.header("Content-Encoding", "gzip");
        }
        // RFC 9111 §5.2.2.1: shared caches may keep it for ttl; RFC 9110 §12.5.5: the coding depends on Accept-Encoding
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build(); // platform/CorsFilter: Access-Control-Allow-Origin: *
    }

    // RFC 9110 §13.1.2: weak comparison; either representation's tag names the same token
    static boolean matches(String ifNoneMatch, ServedList served) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(served.etag()) || t.equals(served.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    // RFC 9110 §12.5.3: gzip unless its qvalue is 0
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.split(";");
            if (!pieces[0].strip().equals("gzip")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip().replace(" ", "");
                if (p.matches("q=0(\\.0{0,3})?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static IssuerException notFound() {
        return new IssuerException(IssuerError.NOT_FOUND, "no such status list");
    }
}
