package dev.memoria.core.governance.plugin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides whether a user falls inside a rule's rollout percentage. The bucket is
 * {@code floorMod(first 8 bytes of SHA-256(binding + "\n" + plugin + "\n" + user) as a big-endian long, 100)} and
 * the user is in when the bucket is below the percentage: stable across instances, restarts and JVMs, and
 * monotone — raising the percentage only adds users.
 */
public final class RolloutGate {

    private RolloutGate() {
    }

    public static int bucket(String bindingKey, String pluginKey, String rolloutKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((bindingKey + "\n" + pluginKey + "\n"
                    + rolloutKey).getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(hash, 0, 8).getLong(), 100L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public static boolean admits(int percent, String bindingKey, String pluginKey, String rolloutKey) {
        return percent >= 100 || bucket(bindingKey, pluginKey, rolloutKey) < percent;
    }
}
