package dev.memoria.it.client;

/**
 * The server answered with an error status. Carries what the server said — the HTTP status and its
 * {@code {"detail": ..., "code": ...}} body — so a test can assert on the exact failure, for example
 * {@code assertThat(e.status()).isEqualTo(404)} or {@code e.code().equals("snapshot_not_found")}.
 *
 * <p>Failures to reach the server at all (connection refused, timeout) are not this type but
 * {@link java.io.UncheckedIOException}: they say nothing about the API's behaviour.
 */
public final class MemoriaApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final String request;

    /**
     * @param status  the HTTP status code
     * @param code    the server's machine-readable error code, or {@code null} when the body was not the JSON
     *                error shape
     * @param detail  the server's human-readable message, or the raw body when it was not JSON
     * @param request the method and path that failed, e.g. {@code POST /v1/snapshots}
     */
    public MemoriaApiException(int status, String code, String detail, String request) {
        super(request + " → " + status + (code == null ? "" : " " + code) + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.request = request;
    }

    /** The HTTP status, e.g. 404 or 422. */
    public int status() {
        return status;
    }

    /** The server's error code, e.g. {@code snapshot_not_found}; {@code null} if the body had none. */
    public String code() {
        return code;
    }

    /** The server's message, meant for people. */
    public String detail() {
        return detail;
    }

    /** The method and path of the failed request. */
    public String request() {
        return request;
    }
}
