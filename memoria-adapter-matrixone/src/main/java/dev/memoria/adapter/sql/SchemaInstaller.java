package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConfigurationException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the schema on first start (idempotent DDL) and pins what the stored vectors depend on: the schema
 * version, the embedding dimension and the embedding model. A later start with a different dimension or
 * model would mix incomparable vectors, so it fails fast with a message that says how to fix it.
 */
final class SchemaInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);

    static final String SCHEMA_VERSION = "schema_version";
    static final String EMBEDDING_DIM = "embedding_dim";
    static final String EMBEDDING_MODEL = "embedding_model";

    private static final String META = SchemaDefinition.SCHEMA_META.name();

    private final Database db;

    SchemaInstaller(Database db) {
        this.db = db;
    }

    void install(String embeddingModel) {
        db.read("create the schema", h -> {
            for (TableDef table : SchemaDefinition.ALL) {
                for (String ddl : db.dialect().createTable(table, db.dimension())) {
                    h.execute(ddl);
                }
            }
            Map<String, String> stored = readMeta(h);
            if (!stored.containsKey(SCHEMA_VERSION)) {
                LOG.info("Initialising a new Memoria schema ({}; embeddings: {} dimensions, model {})",
                        db.dialect().name(), db.dimension(), embeddingModel);
                insertIfAbsent(h, SCHEMA_VERSION, Integer.toString(SchemaDefinition.VERSION));
                insertIfAbsent(h, EMBEDDING_DIM, Integer.toString(db.dimension()));
                if (embeddingModel != null && !embeddingModel.isBlank()) {
                    insertIfAbsent(h, EMBEDDING_MODEL, embeddingModel);
                }
                // another instance may have won the race to initialise: compare against what is really there
                stored = readMeta(h);
            }
            verify(h, stored, embeddingModel);
            return null;
        });
    }

    private void verify(Handle h, Map<String, String> stored, String embeddingModel) {
        int version = Integer.parseInt(stored.getOrDefault(SCHEMA_VERSION, "0"));
        if (version > SchemaDefinition.VERSION) {
            throw new ConfigurationException("schema_too_new", "The database uses Memoria schema version " + version
                    + " but this build only knows version " + SchemaDefinition.VERSION
                    + ". Upgrade Memoria, or point MEMORIA_DATA_DIR / MEMORIA_DB_NAME at another database.");
        }
        String storedDim = stored.get(EMBEDDING_DIM);
        if (storedDim == null) {
            insertIfAbsent(h, EMBEDDING_DIM, Integer.toString(db.dimension()));
        } else if (Integer.parseInt(storedDim) != db.dimension()) {
            throw new ConfigurationException("embedding_dimension_mismatch", "The database stores "
                    + storedDim + "-dimensional embeddings" + modelSuffix(stored.get(EMBEDDING_MODEL))
                    + ", but " + db.dimension() + " dimensions are configured (MEMORIA_EMBEDDING_DIM). "
                    + remedy(storedDim, stored.get(EMBEDDING_MODEL)));
        }
        String storedModel = stored.get(EMBEDDING_MODEL);
        if (embeddingModel == null || embeddingModel.isBlank()) {
            return;
        }
        if (storedModel == null || storedModel.isBlank()) {
            insertIfAbsent(h, EMBEDDING_MODEL, embeddingModel);
        } else if (!storedModel.equals(embeddingModel)) {
            throw new ConfigurationException("embedding_model_mismatch", "The database stores embeddings of model '"
                    + storedModel + "', but model '" + embeddingModel + "' is configured. Vectors of different "
                    + "models are not comparable. " + remedy(storedDim, storedModel));
        }
    }

    private static String modelSuffix(String model) {
        return model == null || model.isBlank() ? "" : " (model '" + model + "')";
    }

    private static String remedy(String storedDim, String storedModel) {
        return "To fix it, configure the same embedding model and dimension as before ("
                + (storedModel == null || storedModel.isBlank() ? "" : storedModel + ", ") + storedDim
                + " dimensions), or point MEMORIA_DATA_DIR (embedded) / MEMORIA_DB_NAME (server) at a fresh "
                + "database, or erase the old database to start over.";
    }

    private static Map<String, String> readMeta(Handle h) {
        Map<String, String> meta = new HashMap<>();
        h.createQuery("SELECT meta_key, meta_value FROM " + META)
                .map((rs, ctx) -> meta.put(rs.getString("meta_key"), rs.getString("meta_value"))).list();
        return meta;
    }

    private static void insertIfAbsent(Handle h, String key, String value) {
        try {
            h.createUpdate("INSERT INTO " + META + " (meta_key, meta_value) VALUES (:k, :v)")
                    .bind("k", key).bind("v", value).execute();
        } catch (RuntimeException e) {
            if (!SqlFailures.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** Table names, for tests and diagnostics. */
    static List<String> tables() {
        return SchemaDefinition.ALL.stream().map(TableDef::name).toList();
    }
}
