package org.openissuer.mdoc.control;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.mdoc.entity.MdocElement;

/** The two credentials the tests issue: an ISO mDL and an EU PID, as a configuration would declare them. */
final class MdocFixtures {

    static final String MDL = "org.iso.18013.5.1.mDL";
    static final String MDL_NS = "org.iso.18013.5.1";
    static final String PID = "eu.europa.ec.eudi.pid.1";
    // a 1x1 JPEG is not needed: any bytes stand for the portrait; these are "portrait!" in base64url
    static final String PORTRAIT = "cG9ydHJhaXQh";

    static final List<MdocElement> MDL_ELEMENTS = List.of(
            mdl("family_name", ElementType.TSTR, true),
            mdl("given_name", ElementType.TSTR, true),
            mdl("birth_date", ElementType.FULL_DATE, true),
            mdl("issue_date", ElementType.FULL_DATE, true),
            mdl("expiry_date", ElementType.FULL_DATE, true),
            mdl("issuing_country", ElementType.TSTR, true),
            mdl("issuing_authority", ElementType.TSTR, true),
            mdl("document_number", ElementType.TSTR, true),
            mdl("portrait", ElementType.BSTR, true),
            mdl("driving_privileges", ElementType.DRIVING_PRIVILEGES, true),
            mdl("un_distinguishing_sign", ElementType.TSTR, true),
            mdl("age_over_18", ElementType.BOOL, false));

    static final List<MdocElement> PID_ELEMENTS = List.of(
            pid("family_name", ElementType.TSTR, true),
            pid("given_name", ElementType.TSTR, true),
            pid("birth_date", ElementType.FULL_DATE, true),
            pid("age_over_18", ElementType.BOOL, false),
            pid("issuing_authority", ElementType.TSTR, true),
            pid("issuing_country", ElementType.TSTR, true),
            pid("expiry_date", ElementType.FULL_DATE, true),
            pid("nationality", ElementType.ANY, false));

    private MdocFixtures() {
    }

    static JsonObject mdlData() {
        return json("""
                {"org.iso.18013.5.1": {
                  "family_name": "Doe", "given_name": "Jane", "birth_date": "1990-02-28",
                  "issue_date": "2026-01-15", "expiry_date": "2036-01-14", "issuing_country": "AT",
                  "issuing_authority": "Wien", "document_number": "AT123456", "portrait": "%s",
                  "driving_privileges": [
                    {"vehicle_category_code": "A", "issue_date": "2018-08-09", "expiry_date": "2028-08-08"},
                    {"vehicle_category_code": "B", "codes": [{"code": "78"}, {"code": "01", "sign": "<=", "value": "06"}]}],
                  "un_distinguishing_sign": "A", "age_over_18": true}}
                """.formatted(PORTRAIT));
    }

    static JsonObject pidData() {
        return json("""
                {"eu.europa.ec.eudi.pid.1": {
                  "family_name": "Mustermann", "given_name": "Erika", "birth_date": "1964-08-12",
                  "age_over_18": true, "issuing_authority": "DE", "issuing_country": "DE",
                  "expiry_date": "2031-12-31", "nationality": ["DE", "FR"]}}
                """);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static MdocElement mdl(String identifier, ElementType type, boolean mandatory) {
        return new MdocElement(MDL_NS, identifier, type, mandatory);
    }

    private static MdocElement pid(String identifier, ElementType type, boolean mandatory) {
        return new MdocElement(PID, identifier, type, mandatory);
    }
}
