package dev.memoria.server.config;

import dev.memoria.ports.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Supplies a master key when none is configured: there is no open mode, so on first start a random key is
 * generated and written to {@code <data-dir>/master.key}, readable only by its owner, and reused later.
 */
public final class MasterKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    static final String FILE_NAME = "master.key";

    private MasterKeyFile() {
    }

    public static String resolve(ServerConfig config) {
        if (!config.masterKey().isEmpty()) {
            return config.masterKey();
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (key.length() < 16) {
                    throw new ConfigurationException("weak_master_key", file + " holds a key shorter than 16 characters;"
                            + " delete the file to generate a new one or set MEMORIA_MASTER_KEY");
                }
                LOG.info("Using the master key stored in {}", file.toAbsolutePath());
                return key;
            }
            Files.createDirectories(config.dataDir());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "mk-" + HexFormat.of().formatHex(random);
            write(file, key);
            LOG.warn("No MEMORIA_MASTER_KEY configured: generated one and stored it in {} (owner-only). "
                    + "Use it as 'Authorization: Bearer <key>' for admin requests.", file.toAbsolutePath());
            return key;
        } catch (FileAlreadyExistsException raced) {
            return resolve(config);
        } catch (IOException e) {
            throw new ConfigurationException("master_key_file", "Cannot read or create " + file + ": " + e.getMessage()
                    + "; set MEMORIA_MASTER_KEY or make MEMORIA_DATA_DIR writable", e);
        }
    }

    private static void write(Path file, String key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    }
}
