package dev.memoria.adapter.sql;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.URI;

/**
 * The storage contract on a real MatrixOne server, run only when {@code MEMORIA_IT_MATRIXONE_URL} points at one,
 * e.g. {@code mysql://root:111@127.0.0.1:6001} (a {@code jdbc:} prefix is accepted).
 */
@EnabledIfEnvironmentVariable(named = "MEMORIA_IT_MATRIXONE_URL", matches = ".+")
class MatrixOneStorageTest extends StorageContract {

    @Override
    StorageSettings settings(String name, int dimension, String model) {
        URI uri = URI.create(System.getenv("MEMORIA_IT_MATRIXONE_URL").replaceFirst("^jdbc:", ""));
        String[] credentials = uri.getUserInfo() == null ? new String[]{"root", "111"} : uri.getUserInfo().split(":", 2);
        return StorageSettings.server(DialectChoice.AUTO, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6001,
                credentials[0], credentials.length > 1 ? credentials[1] : "", "memoria_it_" + name, dimension, model);
    }

    @Override
    String expectedDialect() {
        return "matrixone";
    }
}
