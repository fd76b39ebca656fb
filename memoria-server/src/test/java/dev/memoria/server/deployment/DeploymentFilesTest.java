package dev.memoria.server.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files say what the deployment guide promises: compose with MatrixOne on 6001 and the API on
 * 8100, data bind-mounted where the guide says, every configuration variable passed through, a non-root
 * image with a health check, and three Kubernetes replicas with the right probes and instance ids.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(ROOT.resolve(file).toFile());
    }

    private static List<JsonNode> yamlDocuments(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(ROOT.resolve(file).toFile())) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                documents.add(iterator.next());
            }
        }
        return documents;
    }

    /** Every environment variable the server reads, from its bundled configuration. */
    private static Set<String> serverVariables() throws IOException {
        String conf = Files.readString(ROOT.resolve("memoria-server/src/main/resources/reference.conf"));
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{\\?([A-Z_]+)}").matcher(conf);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void composeRunsMatrixOneAndTheApiAsTheGuideSays() throws IOException {
        JsonNode services = yaml("docker-compose.yml").get("services");
        JsonNode matrixone = services.get("matrixone");
        JsonNode api = services.get("api");

        assertThat(matrixone.get("image").asText()).startsWith("matrixorigin/matrixone:").doesNotEndWith(":latest");
        assertThat(matrixone.get("ports").toString()).contains("6001:6001");
        assertThat(matrixone.get("volumes").get(0).asText()).isEqualTo("${MATRIXONE_DATA_DIR:-./data/matrixone}:/mo-data");
        assertThat(api.get("ports").get(0).asText()).endsWith(":8100");
        assertThat(api.get("build").get("dockerfile").asText()).isEqualTo("docker/Dockerfile");
        assertThat(api.get("healthcheck").get("test").toString()).contains("/health");
        JsonNode environment = api.get("environment");
        assertThat(environment.get("MEMORIA_DB_HOST").asText()).isEqualTo("${MEMORIA_DB_HOST:-matrixone}");
        assertThat(environment.get("MEMORIA_DB_PORT").asText()).isEqualTo("${MEMORIA_DB_PORT:-6001}");
        for (String variable : List.of("MEMORIA_MASTER_KEY", "MEMORIA_EMBEDDING_API_KEY", "MEMORIA_EMBEDDING_PROVIDER",
                "MEMORIA_EMBEDDING_MODEL", "MEMORIA_EMBEDDING_BASE_URL", "MEMORIA_EMBEDDING_ENDPOINTS",
                "MEMORIA_EMBEDDING_DIM", "MEMORIA_INSTANCE_ID", "MEMORIA_LOCK_TTL_SECS", "MEMORIA_GOVERNANCE_ENABLED",
                "MEMORIA_GOVERNANCE_PLUGIN_BINDING", "MEMORIA_GOVERNANCE_PLUGIN_SUBJECT", "MEMORIA_API_KEY_SECRET",
                "MEMORIA_RATE_LIMIT_AUTH_KEYS", "LLM_API_KEY", "LLM_BASE_URL", "LLM_MODEL", "MEMORIA_DB_NAME")) {
            assertThat(environment.has(variable)).as(variable).isTrue();
        }
        for (var names = environment.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(serverVariables()).as("compose passes %s, which the server must read", name).contains(name);
        }
    }

    @Test
    void envExampleHoldsWhatTheGuideTellsOperatorsToSet() throws IOException {
        String env = Files.readString(ROOT.resolve(".env.example"));
        assertThat(env).contains("MEMORIA_MASTER_KEY=").contains("MEMORIA_EMBEDDING_API_KEY=")
                .contains("MATRIXONE_DATA_DIR=./data/matrixone");
    }

    @Test
    void imageIsMultiStageNonRootWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count()).isEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^USER memoria$").contains("HEALTHCHECK").contains("EXPOSE 8100")
                .contains("memoria-server.jar");
    }

    @Test
    void kubernetesRunsThreeReplicasWithProbesAndPodNamesAsInstanceIds() throws IOException {
        JsonNode deployment = yaml("k8s/deployment.yaml");
        assertThat(deployment.get("spec").get("replicas").asInt()).isEqualTo(3);
        JsonNode container = deployment.get("spec").get("template").get("spec").get("containers").get(0);
        assertThat(container.get("livenessProbe").get("httpGet").get("path").asText()).isEqualTo("/health");
        assertThat(container.get("readinessProbe").get("httpGet").get("path").asText()).isEqualTo("/health/instance");
        assertThat(container.get("ports").get(0).get("containerPort").asInt()).isEqualTo(8100);
        JsonNode instanceId = container.get("env").get(0);
        assertThat(instanceId.get("name").asText()).isEqualTo("MEMORIA_INSTANCE_ID");
        assertThat(instanceId.get("valueFrom").get("fieldRef").get("fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(container.get("envFrom").toString()).contains("memoria-secrets").contains("memoria-config");

        JsonNode secret = yaml("k8s/secret.example.yaml");
        assertThat(secret.get("stringData").has("MEMORIA_MASTER_KEY")).isTrue();
        assertThat(secret.get("stringData").has("MEMORIA_EMBEDDING_API_KEY")).isTrue();
        JsonNode service = yaml("k8s/service.yaml");
        assertThat(service.get("spec").get("ports").get(0).get("port").asInt()).isEqualTo(8100);
        JsonNode config = yaml("k8s/configmap.yaml").get("data");
        for (var names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(serverVariables()).as("configmap sets %s, which the server must read", name).contains(name);
        }
        assertThat(yamlDocuments("k8s/matrixone.yaml")).hasSize(2);
    }

    @Test
    void readmeDocumentsEveryVariableTheServerReads() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String variable : serverVariables()) {
            assertThat(readme).as("README configuration table lists %s", variable).contains("`" + variable + "`");
        }
    }
}
