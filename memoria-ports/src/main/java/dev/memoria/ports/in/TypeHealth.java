package dev.memoria.ports.in;

/**
 * The health of one memory type.
 *
 * @param total                 active memories of the type
 * @param averageConfidence     mean initial confidence of the active ones
 * @param contradictionRate     share of all the type's memories (active and inactive) that a correction replaced
 * @param averageStalenessHours mean hours since the active ones were observed
 */
public record TypeHealth(long total, double averageConfidence, double contradictionRate,
                         double averageStalenessHours) {
}
