package org.openissuer.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Origins allowed to read the wallet endpoints and, separately, the back-office API. */
@ApplicationScoped
public class CorsSettings {

    static final String ALLOWED_ORIGINS = "issuer.cors.allowed-origins";
    static final String ADMIN_ALLOWED_ORIGINS = "issuer.cors.admin-allowed-origins";

    private final CorsPolicy wallets;
    private final CorsPolicy admin;

    /** For the CDI proxy only. */
    protected CorsSettings() {
        this.wallets = CorsPolicy.NONE;
        this.admin = CorsPolicy.NONE;
    }

    @Inject
    public CorsSettings(@ConfigProperty(name = ALLOWED_ORIGINS, defaultValue = "*") String wallets,
            @ConfigProperty(name = ADMIN_ALLOWED_ORIGINS, defaultValue = "none") String admin) {
        this.wallets = CorsPolicy.parse(ALLOWED_ORIGINS, wallets);
        this.admin = CorsPolicy.parse(ADMIN_ALLOWED_ORIGINS, admin);
    }

    public CorsPolicy wallets() {
        return wallets;
    }

    public CorsPolicy admin() {
        return admin;
    }
}
