package dev.memoria.adapter.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connector/J settings the MatrixOne search path depends on. */
class MatrixOneConnectionSettingsTest {

    @Test
    void matrixOneUrlKeepsClientSidePreparesAndMoTesterSettings() {
        StorageSettings settings = StorageSettings.server(DialectChoice.MATRIXONE, "mo", 6001, "root", "111", "memoria", 8, null);
        String url = ConnectionPools.serverUrl(settings, new MatrixOneDialect(), true);
        // MATCH patterns and LIMITs must reach the server as constants (bound client-side)
        assertThat(url).contains("useServerPrepStmts=false", "alwaysSendSetIsolation=false",
                        "zeroDateTimeBehavior=CONVERT_TO_NULL", "readOnlyPropagatesToServer=false")
                .doesNotContain("useServerPrepStmts=true", "useCursorFetch", "forceConnectionTimeZoneToSession");
    }

    @Test
    void mysqlUrlIsUnchangedByTheMatrixOneSettings() {
        StorageSettings settings = StorageSettings.server(DialectChoice.MYSQL, "db", 3306, "root", "pw", "memoria", 8, null);
        assertThat(ConnectionPools.serverUrl(settings, new MySqlDialect(), true))
                .doesNotContain("zeroDateTimeBehavior", "alwaysSendSetIsolation");
    }
}
