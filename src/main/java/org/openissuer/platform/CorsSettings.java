package org.openissuer.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Origins allowed to read the wallet endpoints and, separately, the back-office API. */
@ApplicationScoped
public class CorsSettings implements Settings {

    static final String ALLOWED_ORIGINS = "issuer.cors.allowed-origins";
    static final String ADMIN_ALLOWED_ORIGINS = "issuer.cors.admin-allowed-origins";

    private final String walletOrigins;
    private final String adminOrigins;
    private CorsPolicy wallets = CorsPolicy.NONE;
    private CorsPolicy admin = CorsPolicy.NONE;

    /** For the CDI proxy only. */
    protected CorsSettings() {
        this("none", "none");
    }

    @Inject
    public CorsSettings(@ConfigProperty(name = ALLOWED_ORIGINS) String wallets,
            @ConfigProperty(name = ADMIN_ALLOWED_ORIGINS) String admin) {
        this.walletOrigins = wallets;
        this.adminOrigins = admin;
    }

    /** Called once, from Startup: fails the deployment on an origin list it cannot read. */
    @Override
    public void validate() {
        wallets = CorsPolicy.parse(ALLOWED_ORIGINS, walletOrigins);
        admin = CorsPolicy.parse(ADMIN_ALLOWED_ORIGINS, adminOrigins);
    }

    public CorsPolicy wallets() {
        return wallets;
    }

    public CorsPolicy admin() {
        return admin;
    }
}
