package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimilarityScaleTest {

    @Test
    void unrelatedMapsToZeroAndIdenticalToOne() {
        SimilarityScale e5Like = new SimilarityScale(0.7);
        assertThat(e5Like.of(0.7)).isZero();
        assertThat(e5Like.of(1.0)).isCloseTo(1.0, within(1e-12));
        assertThat(e5Like.of(0.85)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void belowTheBaselineIsZeroNotNegative() {
        assertThat(new SimilarityScale(0.7).of(0.4)).isZero();
        assertThat(SimilarityScale.RAW.of(-0.2)).isZero();
    }

    @Test
    void rawScaleKeepsCosinesAndMissingCosineScoresZero() {
        assertThat(SimilarityScale.RAW.of(0.42)).isCloseTo(0.42, within(1e-12));
        assertThat(new SimilarityScale(0.3).of(Double.NaN)).isZero();
    }

    @Test
    void sameRelativeGapRanksTheSameUnderEitherModel() {
        // two models that agree a text is halfway between unrelated and identical score it the same
        assertThat(new SimilarityScale(0.04).of(0.52)).isCloseTo(new SimilarityScale(0.7).of(0.85), within(1e-12));
    }

    @Test
    void rejectsBaselinesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new SimilarityScale(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityScale(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityScale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
