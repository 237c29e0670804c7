-- mso_mdoc credentials (OID4VCI 1.0 Appendix A.2, ISO/IEC 18013-5) are typed by a doctype, not a
-- vct. Added to the partitioned parent, the column reaches every partition, attached or created later.
ALTER TABLE issuance_event ADD COLUMN doctype varchar(256);

COMMENT ON COLUMN issuance_event.doctype IS 'mdoc document type of the requested or issued credential (format mso_mdoc), e.g. org.iso.18013.5.1.mDL; NULL for SD-JWT VC rows, which carry vct';
COMMENT ON COLUMN issuance_event.vct IS 'SD-JWT VC type of the requested or issued credential; NULL for mso_mdoc rows, which carry doctype';
COMMENT ON COLUMN issuance_event.format IS 'Credential format: dc+sd-jwt (vc+sd-jwt for draft-13 wallets that ask for it) or mso_mdoc';
COMMENT ON COLUMN issuance_event.credential_digest IS 'Hex SHA-256 of the credential as sent: the SD-JWT serialization (issuer JWT and every disclosure), or the CBOR IssuerSigned bytes of an mdoc';
COMMENT ON COLUMN issuance_event.disclosed_claims IS 'JSON array of the claims put in the credential, names only, never values: SD-JWT claim paths, or namespace/element identifiers of an mdoc';

ALTER TABLE deferred_credential ADD COLUMN doctype varchar(256);
COMMENT ON COLUMN deferred_credential.doctype IS 'mdoc document type (format mso_mdoc); NULL for SD-JWT VC transactions, which carry vct';

DO $$
BEGIN
    GRANT SELECT (doctype) ON deferred_credential TO issuer_auditor;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor cannot be granted SELECT on deferred_credential.doctype: grant it by hand';
END;
$$;
