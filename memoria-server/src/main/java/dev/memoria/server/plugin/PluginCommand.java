package dev.memoria.server.plugin;

import dev.memoria.core.governance.plugin.Ed25519;
import dev.memoria.core.json.Json;
import dev.memoria.core.governance.plugin.PluginDirectory;
import dev.memoria.core.governance.plugin.PluginPackage;
import dev.memoria.ports.error.MemoriaException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar memoria-server.jar plugin keygen|sign|verify …}: the author's side of plugin signing. Runs
 * offline — it never talks to a server; it prints the curl commands that register the signer and publish.
 */
public final class PluginCommand {

    static final String USAGE = """
            usage: java -jar memoria-server.jar plugin <command>
              keygen --signer NAME [--out DIR]           new Ed25519 key pair: DIR/NAME.key (private, keep it) and DIR/NAME.pub
              sign DIR --signer NAME --key FILE          sign the package in DIR: writes DIR/signature.json and DIR/package.json
              verify DIR|FILE.json --public-key FILE|B64 check a package's signature against a public key
              digest DIR|FILE.json                       print the package's sha256 (what is signed)
            """;

    private final PrintStream out;
    private final PrintStream err;

    PluginCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args) {
        return new PluginCommand(System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String target = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (target == null) {
                target = args[i];
            } else {
                err.println("unexpected argument: " + args[i]);
                err.print(USAGE);
                return 2;
            }
        }
        try {
            return switch (args[0]) {
                case "keygen" -> keygen(required(options, "signer"), Path.of(options.getOrDefault("out", ".")));
                case "sign" -> sign(Path.of(requiredTarget(target)), required(options, "signer"),
                        Path.of(required(options, "key")));
                case "verify" -> verify(Path.of(requiredTarget(target)), required(options, "public-key"));
                case "digest" -> {
                    out.println(read(Path.of(requiredTarget(target))).digest());
                    yield 0;
                }
                default -> {
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (MemoriaException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static String requiredTarget(String target) {
        if (target == null) {
            throw new IllegalArgumentException("missing the package directory or file");
        }
        return target;
    }

    private int keygen(String signer, Path dir) throws IOException {
        Files.createDirectories(dir);
        KeyPair keys = Ed25519.generate();
        Path privateKey = dir.resolve(signer + ".key");
        Path publicKey = dir.resolve(signer + ".pub");
        if (Files.exists(privateKey)) {
            err.println("error: " + privateKey + " exists; refusing to overwrite a private key");
            return 1;
        }
        Files.writeString(privateKey, Ed25519.encode(keys.getPrivate()) + "\n");
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the file
        }
        String pub = Ed25519.encode(keys.getPublic());
        Files.writeString(publicKey, pub + "\n");
        out.println("private key: " + privateKey + "  (keep it secret; never commit it)");
        out.println("public key:  " + publicKey);
        out.println();
        out.println("Register the signer (master key):");
        out.println("curl -sS -X POST \"$MEMORIA_URL/admin/plugins/signers\" -H \"Authorization: Bearer $MEMORIA_MASTER_KEY\" "
                + "-H 'Content-Type: application/json' -d '{\"signer\":\"" + signer + "\",\"public_key\":\"" + pub + "\"}'");
        return 0;
    }

    private int sign(Path dir, String signer, Path keyFile) throws IOException {
        PluginPackage unsigned = PluginDirectory.read(dir);
        String digest = unsigned.digest();
        String value = Ed25519.sign(Ed25519.privateKey(Files.readString(keyFile)), digest);
        PluginPackage signed = unsigned.withSignature(new PluginPackage.Signature(signer, "ed25519", value));
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("signer", signer);
        signature.put("algorithm", "ed25519");
        signature.put("value", value);
        Files.writeString(dir.resolve(PluginDirectory.SIGNATURE), Json.canonical(signature) + "\n");
        Path bundle = dir.resolve("package.json");
        Files.writeString(bundle, signed.toJson() + "\n", StandardCharsets.UTF_8);
        String key = signed.manifest().key();
        String version = signed.manifest().version().toString();
        String auth = "-H \"Authorization: Bearer $MEMORIA_MASTER_KEY\" -H 'Content-Type: application/json'";
        out.println("signed " + key + "@" + version + " (sha256 " + digest + ") as " + signer);
        out.println("wrote " + dir.resolve(PluginDirectory.SIGNATURE) + " and " + bundle);
        out.println();
        out.println("Publish, approve and activate (master key):");
        out.println("curl -sS -X POST \"$MEMORIA_URL/admin/plugins\" " + auth + " --data-binary @" + bundle);
        out.println("curl -sS -X POST \"$MEMORIA_URL/admin/plugins/" + key + "/" + version + "/review\" " + auth
                + " -d '{\"status\":\"approved\",\"notes\":\"reviewed\"}'");
        out.println("curl -sS -X POST \"$MEMORIA_URL/admin/plugins/domains/governance/activate\" " + auth
                + " -d '{\"plugin_key\":\"" + key + "\",\"version\":\"" + version + "\",\"binding_key\":\"default\"}'");
        return 0;
    }

    private int verify(Path target, String publicKey) throws IOException {
        PluginPackage pkg = read(target);
        if (pkg.signature() == null) {
            err.println("unsigned: no signature in " + target);
            return 1;
        }
        String key = Files.isRegularFile(Path.of(publicKey)) ? Files.readString(Path.of(publicKey)) : publicKey;
        boolean valid = Ed25519.verify(Ed25519.publicKey(key), pkg.digest(), pkg.signature().value());
        out.println((valid ? "valid" : "INVALID") + ": " + pkg.manifest().key() + "@" + pkg.manifest().version()
                + " sha256 " + pkg.digest() + " signer " + pkg.signature().signer());
        return valid ? 0 : 1;
    }

    private static PluginPackage read(Path target) throws IOException {
        return Files.isDirectory(target) ? PluginDirectory.read(target)
                : PluginPackage.parse(Files.readString(target, StandardCharsets.UTF_8));
    }
}
