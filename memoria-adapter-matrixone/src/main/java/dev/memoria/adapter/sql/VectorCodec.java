package dev.memoria.adapter.sql;

import dev.memoria.ports.error.StorageException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embeddings as bytes (little-endian float32, the layout MatrixOne also accepts) or as {@code [a,b,…]} text. */
final class VectorCodec {

    private VectorCodec() {
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new StorageException("corrupt_embedding", "Stored embedding has " + bytes.length
                    + " bytes, not a whole number of float32 values");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }

    /** Text form {@code [0.1,0.2]}; {@link Float#toString} round-trips every float exactly. */
    static String toText(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            float value = vector[i];
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("embedding contains a non-finite value");
            }
            text.append(value);
        }
        return text.append(']').toString();
    }

    /** Parses {@code [1, 2.5, -3]} (MatrixOne puts a space after each comma); {@code []} is treated as absent. */
    static float[] fromText(String text) {
        String body = text.trim();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new StorageException("corrupt_embedding", "Stored embedding is not a vector literal");
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return null;
        }
        String[] parts = body.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i].trim());
        }
        return vector;
    }
}
