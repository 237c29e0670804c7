package org.openissuer.credential.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.credential.entity.BoundKey;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.mdoc.control.MdocIssuer;
import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.IssuedMdoc;
import org.openissuer.mdoc.entity.MdocRequest;
import org.openissuer.notification.control.NotificationIds;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.sdjwt.control.SdJwtVcIssuer;
import org.openissuer.sdjwt.entity.IssuedSdJwt;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.status.entity.NewEntry;
import org.openissuer.token.entity.AccessToken;

/**
 * Builds and signs the credentials of one response, with their status entries and audit rows: the
 * one place for immediate issuance and for the delivery of approved deferred transactions alike.
 */
@ApplicationScoped
public class CredentialMinting {

    private final IssuerSettings settings;
    private final IssuanceSettings issuance;
    private final IssuerKeys keys;
    private final StatusAllocation statuses;
    private final IssuanceAudit audit;
    private final Clock clock;

    private SdJwtVcIssuer sdJwt;
    private MdocIssuer mdoc;

    @Inject
    public CredentialMinting(IssuerSettings settings, IssuanceSettings issuance, IssuerKeys keys,
            StatusAllocation statuses, IssuanceAudit audit, Clock clock) {
        this.settings = settings;
        this.issuance = issuance;
        this.keys = keys;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    protected CredentialMinting() {
        this(null, null, null, null, null, null);
    }

    /** Called once at deployment, after the keys are loaded. */
    public void prepare() {
        // a configured chain only: a generated root is in no verifier's trust list
        sdJwt = new SdJwtVcIssuer(keys.signingKeys().active(), keys.certificates().x5c(), clock, issuance.decoys());
        // ISO 18013-5 §9.1.2.4: the document signer certificate chain travels in the MSO\'s x5chain
        mdoc = new MdocIssuer(keys.signingKeys().active(), keys.certificates().chain(), clock);
    }

    /** The response's credential ids and its notification_id, known before the credentials are built. */
    public CredentialBatch batch(AccessToken token, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        return new CredentialBatch(ids, NotificationIds.issue(token, ids));
    }

    /**
     * Inside the issuance transaction: per holder key a status entry, a signed credential (added to
     * the batch) and its credential_issued row. A missing mandatory claim throws and rolls it all back.
     */
    public List<IssuanceEvent> mint(CredentialBatch batch, CredentialConfiguration configuration, String format,
            JsonObject data, List<BoundKey> holders, AuditContext context) {
        if (holders.size() != batch.credentialIds().size()) {
            throw new IllegalArgumentException("one credential id per holder key");
        }
        List<IssuanceEvent> rows = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            BoundKey holder = holders.get(i);
            String credentialId = batch.credentialIds().get(i);
            // draft-ietf-oauth-status-list-21: an entry of its own, allocated in the issuance transaction
            JsonObject status = configuration.statusList() ? statuses.allocate(new NewEntry(credentialId,
                    context.subject(), context.offerId(), configuration.id(),
                    audit.now().plus(configuration.validity()))).claim() : null;
            Minted minted = configuration.isMdoc() ? mdoc(configuration, data, holder, status)
                    : sdJwt(configuration, format, data, holder, status);
            batch.add(minted.serialized());
            rows.add(IssuanceEvent.credentialIssued(context, new IssuanceEvent.IssuedCredential(
                    credentialId, minted.digestHex(), holder.thumbprint(), minted.disclosedClaims()), audit.now()));
        }
        return rows;
    }

    private Minted sdJwt(CredentialConfiguration configuration, String format, JsonObject data, BoundKey holder,
            JsonObject status) {
        IssuedSdJwt issued = sdJwt.issue(new SdJwtVcRequest(settings.identifier().value(), configuration.vct(),
                format, configuration.validity(), holder.key(), configuration.claims(), data, status));
        return new Minted(issued.serialized(), issued.digestHex(), issued.disclosedClaims());
    }

    // OID4VCI 1.0 Appendix A.2: the claims path [namespace, element] names the data element
    private Minted mdoc(CredentialConfiguration configuration, JsonObject data, BoundKey holder, JsonObject status) {
        IssuedMdoc issued;
        try {
            issued = mdoc.issue(new MdocRequest(configuration.doctype().orElseThrow(), configuration.mdocElements(), data,
                    holder.key(), configuration.validity(), Optional.ofNullable(status)));
        } catch (ElementValueException e) {
            // as for SD-JWT VC (Appendix B.2): data that cannot make the credential denies it, nothing is issued
            throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, e.getMessage());
        }
        return new Minted(issued.serialized(), issued.digestHex(), issued.disclosedElements());
    }

    /** What a response carries and the audit trail records of one credential, whatever its format. */
    private record Minted(String serialized, String digestHex, List<String> disclosedClaims) {
    }
}
