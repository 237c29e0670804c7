package org.openissuer.admin.entity;

import java.util.Set;

/** The back-office caller, as its identity provider's token names it. */
public record AdminPrincipal(String name, Set<String> groups) {

    /** Request property (a servlet request attribute) under which the filter hands it to the resource. */
    public static final String PROPERTY = AdminPrincipal.class.getName();

    public AdminPrincipal {
        groups = Set.copyOf(groups);
    }
}
