package org.openissuer.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Which column names the credential's type: vct for SD-JWT VC, doctype for mdoc (OID4VCI 1.0 Appendix A.2). */
class IssuanceEventTypeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 8, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final AuditContext CONTEXT = AuditContext.of("req-1", "credential", "192.0.2.1");

    @Test
    void anMdocRowCarriesItsDoctypeAndNoVct() {
        IssuanceEvent row = IssuanceEvent.requestStarted(
                CONTEXT.withRequest("1.0", "Mdl", "org.iso.18013.5.1.mDL", "mso_mdoc"), NOW);

        assertEquals("org.iso.18013.5.1.mDL", value(row, "doctype"));
        assertNull(value(row, "vct"));
        assertEquals("mso_mdoc", value(row, "format"));
    }

    @Test
    void anSdJwtVcRowCarriesItsVctAndNoDoctype() {
        IssuanceEvent row = IssuanceEvent.requestStarted(
                CONTEXT.withRequest("1.0", "Identity", "https://credentials.example.com/identity", "dc+sd-jwt"), NOW);

        assertEquals("https://credentials.example.com/identity", value(row, "vct"));
        assertNull(value(row, "doctype"));
    }

    private static Object value(IssuanceEvent row, String column) {
        return row.columnValues()[IssuanceEvent.COLUMNS.indexOf(column)];
    }
}
