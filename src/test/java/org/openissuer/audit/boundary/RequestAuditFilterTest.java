package org.openissuer.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

class RequestAuditFilterTest {

    @Audited(value = "whole", startsRequest = true)
    static class AuditedResource {
        public void plain() {
        }

        @Audited("own")
        public void own() {
        }
    }

    /** What a CDI proxy or subclass of the resource looks like to JAX-RS. */
    static class Subclass extends AuditedResource {
    }

    static class PlainResource {
        public void plain() {
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    @Test
    void aMethodsAnnotationWinsOverItsClasss() throws Exception {
        assertEquals("own", RequestAuditFilter.audited(method(AuditedResource.class, "own"), AuditedResource.class).value());
    }

    @Test
    void aMethodWithoutOneTakesItsClasss() throws Exception {
        Audited audited = RequestAuditFilter.audited(method(AuditedResource.class, "plain"), AuditedResource.class);
        assertEquals("whole", audited.value());
        assertTrue(audited.startsRequest());
        assertEquals("whole", RequestAuditFilter.audited(method(Subclass.class, "plain"), Subclass.class).value());
    }

    @Test
    void aResourceWithoutOneIsNotAudited() throws Exception {
        assertNull(RequestAuditFilter.audited(method(PlainResource.class, "plain"), PlainResource.class));
        assertNull(RequestAuditFilter.audited(null, null));
    }
}
