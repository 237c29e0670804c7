package org.openissuer.admin.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Binds {@link AdminReadAuthenticationFilter} to back-office resources that only read: the admin
 * group or the auditors' group (issuer.admin.auditor-group) may call them. Never on a resource
 * with a method that changes state: those keep {@link AdminAuthenticated}.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminReadAuthenticated {
}
