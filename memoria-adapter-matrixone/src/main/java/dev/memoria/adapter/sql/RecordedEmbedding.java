package dev.memoria.adapter.sql;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads which embedding model an existing database was created with, before the embedder is loaded. A start
 * without a configured model then keeps using the database's model instead of refusing to start because the
 * default changed; a database that does not exist yet has no recorded model.
 */
public final class RecordedEmbedding {

    private RecordedEmbedding() {
    }

    /**
     * The model name recorded in the database's schema metadata, or empty when there is no database yet, no
     * schema, or no recorded model.
     *
     * @throws dev.memoria.ports.error.UnavailableException when a database server cannot be reached
     */
    public static Optional<String> model(StorageSettings settings) {
        if (settings.embedded() && !Files.exists(H2FileCompaction.databaseFile(settings.dataDir()))) {
            return Optional.empty();
        }
        SqlDialect dialect = settings.embedded() ? new H2Dialect() : ConnectionPools.prepareServer(settings);
        try (HikariDataSource dataSource = ConnectionPools.open(settings.withPoolSize(1), dialect);
             Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT meta_value FROM "
                     + SchemaDefinition.SCHEMA_META.name() + " WHERE meta_key = ?")) {
            query.setString(1, SchemaInstaller.EMBEDDING_MODEL);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)).filter(m -> !m.isBlank()) : Optional.empty();
            }
        } catch (SQLException noSchemaYet) {
            // the metadata table is created with the schema: a database without it records nothing
            return Optional.empty();
        }
    }
}
