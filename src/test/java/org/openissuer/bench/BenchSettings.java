package org.openissuer.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The parameters of one issuance benchmark run, from system properties (set by the bench Maven profile). */
record BenchSettings(int credentials, int clients, int warmup, int sampleEvery, int timeoutSeconds, String http, Path wlpDir,
        String serverName, Path benchDir, int httpPort, int httpsPort, int dbPort, long auditPrefill, int auditQueryRuns,
        String format) {

    static final String SD_JWT_VC = "dc+sd-jwt";
    static final String MSO_MDOC = "mso_mdoc";

    static BenchSettings fromSystemProperties() {
        BenchSettings settings = new BenchSettings(
                positive("bench.credentials", 20_000), positive("bench.clients", 8), atLeast("bench.warmup", 6_000, 0),
                positive("bench.sample-every", 100), positive("bench.timeout-seconds", 600),
                System.getProperty("bench.http", "socket"),
                Path.of(System.getProperty("bench.wlp.dir", "target/liberty/wlp")).toAbsolutePath(),
                System.getProperty("bench.server.name", "issuer-bench"),
                Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath(),
                positive("bench.http.port", 9580), positive("bench.https.port", 9581), positive("bench.db.port", 35432),
                Long.parseLong(System.getProperty("bench.audit.prefill", "0").trim()), atLeast("bench.audit.query-runs", 5, 0),
                System.getProperty("bench.format", SD_JWT_VC).trim());
        if (!SD_JWT_VC.equals(settings.format()) && !MSO_MDOC.equals(settings.format())) {
            throw new IllegalArgumentException("bench.format must be " + SD_JWT_VC + " or " + MSO_MDOC + ", is " + settings.format());
        }
        if (settings.auditPrefill() < 0) {
            throw new IllegalArgumentException("bench.audit.prefill must be at least 0, is " + settings.auditPrefill());
        }
        settings.requireLoopback();
        return settings;
    }

    /** Whether the clients ask for the built-in mDL instead of the SD-JWT VC IdentityCredential. */
    boolean mdoc() {
        return MSO_MDOC.equals(format);
    }

    /** The issuer identifier, which is also where the client sends its requests. */
    String issuerUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Every k-th credential is kept for verification: the configured k, lowered so at least 20 are kept. */
    int effectiveSampleEvery() {
        return Math.max(1, Math.min(sampleEvery, credentials / 20));
    }

    /** Long enough for warm-up, the measured phase and the checks after it: tokens and consumed nonces must outlive the run. */
    long lifetimeSeconds() {
        return Math.min(86_400, 2L * timeoutSeconds + 1_800);
    }

    /** The benchmark only ever loads a server on this machine. */
    private void requireLoopback() {
        String host = URI.create(issuerUrl()).getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing non-loopback target " + host + " (" + address + ")");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + host, e);
        }
    }

    private static int positive(String name, int fallback) {
        return atLeast(name, fallback, 1);
    }

    private static int atLeast(String name, int fallback, int min) {
        String text = System.getProperty(name);
        int value = text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", is " + value);
        }
        return value;
    }
}
