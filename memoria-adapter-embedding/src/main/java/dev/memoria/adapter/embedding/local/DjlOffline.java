package dev.memoria.adapter.embedding.local;

/**
 * DJL can reach out to the network in two ways we never want in a server: downloading a native
 * library or tokenizer that is not on the class path, and a start-up "telemetry" call when it believes
 * it runs on EC2. Both are switched off through DJL's documented system properties, unless the operator
 * has set them explicitly.
 */
final class DjlOffline {

    private DjlOffline() {
    }

    static void enforce() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
