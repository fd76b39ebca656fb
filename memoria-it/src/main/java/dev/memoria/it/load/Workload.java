package dev.memoria.it.load;

import java.util.Locale;
import java.util.Random;

/** Which operations a run issues, and in what proportion. */
public enum Workload {

    RETRIEVE, STORE, BATCH,
    /** An agent's day: mostly recall, some new facts, the occasional listing. 70 / 20 / 10. */
    MIXED;

    public Operation next(Random random) {
        return switch (this) {
            case RETRIEVE -> Operation.RETRIEVE;
            case STORE -> Operation.STORE;
            case BATCH -> Operation.BATCH_STORE;
            case MIXED -> {
                int dice = random.nextInt(100);
                yield dice < 70 ? Operation.RETRIEVE : dice < 90 ? Operation.STORE : Operation.LIST;
            }
        };
    }

    public static Workload parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
