package dev.memoria.ports.out;

import java.time.Duration;
import java.util.Map;

/**
 * An out-of-process governance plugin: an HTTP endpoint the scheduler consults for a policy. The core never loads
 * plugin code; it only sends a JSON request and reads a JSON answer through this port.
 */
public interface PolicyEndpoint {

    /**
     * POSTs {@code request} as JSON to {@code endpoint} and returns the JSON object answered, as maps, lists,
     * strings, numbers, booleans and nulls. Any failure (connection, timeout, non-2xx status, a body that is not a
     * JSON object) is an {@link dev.memoria.ports.error.UnavailableException}.
     */
    Map<String, Object> consult(String endpoint, Map<String, Object> request, Duration timeout);
}
