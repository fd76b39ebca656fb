package dev.memoria.it.load;

/** One HTTP exchange as the load generator sees it: status, body and the client-side latency. */
public record HttpResult(int status, String body, long nanos) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
