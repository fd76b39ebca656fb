package dev.memoria.core.confidence;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever instant a database holds (older rows were not range-checked), decay is a number in [0, 1]. */
class ConfidenceDecayTest {

    private static Memory observedAt(Instant when) {
        return new Memory("m", "u", MemoryType.SEMANTIC, "text", TrustTier.T1, 1.0, null, null, null, Map.of(),
                when, Instant.EPOCH, null, true, null);
    }

    @Test
    void extremeInstantsDecayWithoutOverflow() {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        for (Instant when : new Instant[]{Instant.MIN, Instant.MAX, Instant.parse("+999999999-12-31T23:59:59Z"), now}) {
            double effective = ConfidenceDecay.effective(observedAt(when), now);
            assertThat(effective).isBetween(0.0, 1.0);
        }
        assertThat(ConfidenceDecay.effective(observedAt(Instant.MIN), now)).isLessThan(0.01);
    }
}
