package org.openissuer.platform;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock of the application: beans take a {@link Clock} in their constructor, so a unit
 * test passes its own. Dependent, not proxied: the system clock is an immutable constant.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Dependent
    public Clock clock() {
        return Clock.systemUTC();
    }
}
