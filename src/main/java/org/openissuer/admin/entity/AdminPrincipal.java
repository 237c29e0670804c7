package org.openissuer.admin.entity;

import java.util.Set;

/** The back-office caller, as its identity provider's token names it. */
public record AdminPrincipal(String name, Set<String> groups) {

    public AdminPrincipal {
        groups = Set.copyOf(groups);
    }
}
