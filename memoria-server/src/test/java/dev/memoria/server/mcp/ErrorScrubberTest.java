package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's own failure shapes, as its servlet and session write them, come out as clean envelopes. */
class ErrorScrubberTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aSerialisedMcpErrorKeepsItsCodeAndLosesItsStackTrace() throws Exception {
        // what HttpServletStatelessServerTransport.responseError writes: the exception itself, as a bean
        String sdkBody = McpServers.jsonMapper().writeValueAsString(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("Failed to handle request: java.lang.IllegalArgumentException: boom").build());
        assertThat(sdkBody).contains("stackTrace");

        JsonNode clean = MAPPER.readTree(ErrorScrubber.scrub(sdkBody, 7L));

        McpLeaks.assertNoInternals(clean.toString());
        assertThat(clean.path("id").asLong()).isEqualTo(7);
        assertThat(clean.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(clean.path("error").path("message").asText()).isEqualTo("Invalid params");
    }

    @Test
    void anInternalErrorLosesTheExceptionMessage() throws Exception {
        String sdkBody = "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":-32603,\"message\":\"Cannot construct "
                + "instance of `io.modelcontextprotocol.spec.McpSchema$ClientCapabilities`\"}}";

        JsonNode clean = MAPPER.readTree(ErrorScrubber.scrub(sdkBody, null));

        assertThat(clean.path("id").asText()).isEqualTo("a");
        assertThat(clean.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(clean.path("error").path("message").asText()).isEqualTo("Internal error");
    }

    @Test
    void clientErrorsThatNameInternalsAreReplacedAndOthersKept() throws Exception {
        String leaky = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"bad\","
                + "\"data\":\"at dev.memoria.X.y(X.java:3)\"}}";
        String fine = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: x\"}}";

        assertThat(MAPPER.readTree(ErrorScrubber.scrub(leaky, 1L)).path("error").toString())
                .isEqualTo("{\"code\":-32602,\"message\":\"Invalid params\"}");
        assertThat(ErrorScrubber.scrub(fine, 1L)).isEqualTo(fine);
    }

    @Test
    void resultsPassUntouchedEvenWhenTheyQuoteAnException() {
        String result = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
                + "\"text\":\"the NullPointerException in java.util was fixed\"}]}}";

        assertThat(ErrorScrubber.scrub(result, 1L)).isEqualTo(result);
    }

    @Test
    void anythingThatIsNotAJsonRpcMessageBecomesAnInternalError() throws Exception {
        JsonNode clean = MAPPER.readTree(ErrorScrubber.scrub("<html>java.lang.Error</html>", 3L));

        assertThat(clean.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(clean.path("id").asLong()).isEqualTo(3);
    }
}
