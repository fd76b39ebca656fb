package dev.memoria.it.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API calls a workload is made of, each with how many memories one call carries. */
public enum Operation {

    RETRIEVE("retrieve", 1) {
        @Override
        HttpResult call(MemoriaClient client, String user, SentenceGenerator text) {
            return client.post(user, "/v1/memories/retrieve", Json.of(Map.of("query", text.query(), "top_k", 5)));
        }
    },
    STORE("store", 1) {
        @Override
        HttpResult call(MemoriaClient client, String user, SentenceGenerator text) {
            return client.post(user, "/v1/memories", Json.of(Map.of("content", text.memory())));
        }
    },
    BATCH_STORE("batch_store", Operation.BATCH_SIZE) {
        @Override
        HttpResult call(MemoriaClient client, String user, SentenceGenerator text) {
            return client.post(user, "/v1/memories/batch", batchBody(text, BATCH_SIZE));
        }
    },
    LIST("list", 1) {
        @Override
        HttpResult call(MemoriaClient client, String user, SentenceGenerator text) {
            return client.get(user, "/v1/memories?limit=20");
        }
    };

    /** The API's largest accepted batch; seeding and the batch workload both use it. */
    public static final int BATCH_SIZE = 100;

    private final String label;
    private final int items;

    Operation(String label, int items) {
        this.label = label;
        this.items = items;
    }

    public String label() {
        return label;
    }

    /** Memories written or read per call, to turn calls/s into memories/s for the store operations. */
    public int items() {
        return items;
    }

    abstract HttpResult call(MemoriaClient client, String user, SentenceGenerator text);

    static String batchBody(SentenceGenerator text, int size) {
        List<Map<String, String>> memories = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            memories.add(Map.of("content", text.memory()));
        }
        return Json.of(Map.of("memories", memories));
    }
}
