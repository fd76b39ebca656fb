package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.ScoredId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bounded min-heap of (slot, score) in two primitive arrays: the scan offers up to 100k candidates and
 * must not allocate per row. Equal scores are ordered by memory id so results do not depend on slot order
 * (an incrementally updated index and a fresh rebuild rank ties the same way).
 */
final class TopK {

    private final RowView rows;
    private final int capacity;
    private final int[] slots;
    private final float[] scores;
    private int size;

    TopK(RowView rows, int capacity) {
        this.rows = rows;
        this.capacity = capacity;
        this.slots = new int[capacity];
        this.scores = new float[capacity];
    }

    /** Cheap pre-check for the hot loop: could a candidate with this score enter the heap? */
    boolean competitive(float score) {
        return size < capacity || score >= scores[0];
    }

    void offer(int slot, float score) {
        if (size < capacity) {
            slots[size] = slot;
            scores[size] = score;
            siftUp(size++);
        } else if (worse(slots[0], scores[0], slot, score)) {
            slots[0] = slot;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Best first. */
    List<ScoredId> toList() {
        List<ScoredId> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(new ScoredId(rows.memoryId(slots[i]), scores[i]));
        }
        result.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::memoryId));
        return result;
    }

    /** True when candidate a ranks below candidate b. */
    private boolean worse(int slotA, float scoreA, int slotB, float scoreB) {
        if (scoreA != scoreB) {
            return scoreA < scoreB;
        }
        return rows.memoryId(slotA).compareTo(rows.memoryId(slotB)) > 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(slots[i], scores[i], slots[parent], scores[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(slots[right], scores[right], slots[left], scores[left])) {
                worst = right;
            }
            if (!worse(slots[worst], scores[worst], slots[i], scores[i])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
