package org.openissuer.testsupport;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as `mvn package` built it: the tests run what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive issuerWar() {
        File war = new File(System.getProperty("it.war", "target/openissuer.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("no WAR at " + war + ": integration tests run after `mvn package`");
        }
        return ShrinkWrap.create(ZipImporter.class, "openissuer.war").importFrom(war).as(WebArchive.class);
    }
}
