package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.http.JsonBody;
import io.javalin.http.Context;

/** The governance routes accept an empty body (all defaults) as well as a JSON object. */
final class OptionalBody {

    private OptionalBody() {
    }

    static JsonBody of(Context ctx, ObjectMapper mapper) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return JsonBody.wrap(mapper.createObjectNode(), mapper);
        }
        return JsonBody.of(ctx, mapper);
    }

    static boolean flag(JsonBody body, String field) {
        Boolean value = body.bool(field);
        return value != null && value;
    }
}
