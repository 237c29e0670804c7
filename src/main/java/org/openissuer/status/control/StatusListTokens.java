package org.openissuer.status.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.ExpiringCache;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Jsonp;
import org.openissuer.status.entity.ServedList;
import org.openissuer.status.entity.StatusListBits;

/**
 * Status List Tokens in JWT format (draft-ietf-oauth-status-list-21, "Status List Token in JWT
 * Format"), kept per instance and rebuilt only when the list's version changed or the token is
 * halfway to its exp: a fleet of verifiers polling costs one indexed read per list and refresh
 * interval. A change made through any instance shows within that interval.
 */
@ApplicationScoped
public class StatusListTokens {

    public static final String TYP = "statuslist+jwt";
    static final int BITS = 2;

    private final StatusListStore store;
    private final StatusSettings settings;
    private final IssuerSettings issuer;
    private final IssuerKeys keys;
    private final Clock clock;
    private final Map<Integer, ServedList> served = new ConcurrentHashMap<>();
    private final ExpiringCache<Integer, Boolean> unknown;

    protected StatusListTokens() {
        this(null, null, null, null, null);
    }

    @Inject
    public StatusListTokens(StatusListStore store, StatusSettings settings, IssuerSettings issuer, IssuerKeys keys, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
        this.unknown = new ExpiringCache<>(10_000, clock);
    }

    /** The current token of a list; empty when there is no such list. */
    public Optional<ServedList> current(int listId) {
        Instant now = clock.instant();
        ServedList cached = served.get(listId);
        if (fresh(cached, now)) {
            return Optional.of(cached);
        }
        if (cached == null && unknown.get(listId).isPresent()) {
            return Optional.empty();
        }
        synchronized (this) {
            cached = served.get(listId);
            if (fresh(cached, now)) {
                return Optional.of(cached);
            }
            Optional<long[]> state = store.versionAndSize(listId);
            if (state.isEmpty()) {
                // unknown ids cost one read per refresh interval, however often they are asked for
                unknown.put(listId, Boolean.TRUE, now.plus(settings.refresh()));
                return Optional.empty();
            }
            long version = state.get()[0];
            ServedList next = cached != null && cached.version() == version && now.isBefore(cached.renewAt())
                    ? cached.checked(now) : build(listId, version, (int) state.get()[1], now);
            served.put(listId, next);
            return Optional.of(next);
        }
    }

    public String uri(int listId) {
        return issuer.identifier().value() + Endpoints.STATUS_LISTS + "/" + listId;
    }

    private boolean fresh(ServedList cached, Instant now) {
        return cached != null && now.isBefore(cached.checkedAt().plus(settings.refresh())) && now.isBefore(cached.renewAt());
    }

    // the version is read before the entries: a change in between shows as a newer version next time
    private ServedList build(int listId, long version, int size, Instant now) {
        StatusListBits bits = new StatusListBits(BITS, size);
        for (int[] entry : store.setEntries(listId)) {
            bits.set(entry[0], entry[1]);
        }
        long iat = now.getEpochSecond();
        long exp = iat + settings.tokenLifetime().toSeconds();
        JsonObject payload = Jsonp.PROVIDER.createObjectBuilder()
                .add("sub", uri(listId))
                .add("iss", issuer.identifier().value())
                .add("iat", iat)
                .add("exp", exp)
                .add("ttl", settings.ttl().toSeconds())
                .add("status_list", Jsonp.PROVIDER.createObjectBuilder().add("bits", BITS).add("lst", bits.encode()))
                .build();
        String jwt = sign(payload);
        return new ServedList(listId, version, jwt, gzip(jwt), etag(jwt), Instant.ofEpochSecond(exp),
                Instant.ofEpochSecond(iat + settings.tokenLifetime().toSeconds() / 2), now);
    }

    private String sign(JsonObject payload) {
        ECKey key = keys.signingKeys().active();
        JWSHeader.Builder header = new JWSHeader.Builder(SigningKeys.ALGORITHM).type(new JOSEObjectType(TYP))
                .keyID(key.getKeyID());
        if (key.getX509CertChain() != null && !key.getX509CertChain().isEmpty()) {
            header.x509CertChain(key.getX509CertChain());
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload.toString()));
        try {
            jws.sign(JwsCrypto.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the status list failed", e);
        }
        return jws.serialize();
    }

    private static byte[] gzip(String jwt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jwt.length() / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(jwt.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(String jwt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwt.getBytes(StandardCharsets.US_ASCII));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
