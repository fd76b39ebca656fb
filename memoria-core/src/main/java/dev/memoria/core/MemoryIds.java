package dev.memoria.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * UUIDv7 identifiers in simple form (32 lowercase hex): 48 bits of Unix milliseconds, a 12-bit sequence
 * that keeps ids from one process strictly increasing within a millisecond (RFC 9562, method 1), then
 * random bits. Time-ordered, so ordering by id is ordering by creation and ids double as paging cursors.
 */
public final class MemoryIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private long lastMillis = -1;
    private int sequence;

    public MemoryIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis;
        int seq;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                // start low in the 12-bit space so a burst within one millisecond rarely overflows it
                sequence = RANDOM.nextInt(1024);
            } else if (++sequence > 0xFFF) {
                lastMillis++;
                sequence = 0;
            }
            millis = lastMillis;
            seq = sequence;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) (0x70 | (seq >>> 8));
        bytes[7] = (byte) seq;
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return HEX.formatHex(bytes);
    }

    /** Random 32-hex id (UUIDv4 simple form) for feedback and tasks. */
    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return HEX.formatHex(bytes);
    }

    public static boolean isMemoryId(String value) {
        return value != null && value.length() == 32 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
