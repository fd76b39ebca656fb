package dev.memoria.core.retrieval;

import dev.memoria.ports.error.ConfigurationException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which retrieval stages run and how their signals are fused. Immutable; built once at start-up.
 *
 * @param fusion  how source signals are combined
 * @param stages  the stages that run ({@link StageId#FUSION} always does: choose its mode instead)
 */
public record RetrievalSettings(Fusion fusion, Set<StageId> stages) {

    public static final RetrievalSettings DEFAULTS = new RetrievalSettings(Fusion.WEIGHTED,
            EnumSet.copyOf(java.util.Arrays.stream(StageId.values()).filter(StageId::onByDefault).toList()));

    public RetrievalSettings {
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
    }

    public boolean on(StageId stage) {
        return stages.contains(stage);
    }

    /**
     * The defaults with {@code turnOn} and {@code turnOff} applied (stage names as in {@link StageId#id()}).
     *
     * @throws ConfigurationException naming the unknown stage or fusion and the valid ones
     */
    public static RetrievalSettings of(String fusion, Collection<String> turnOn, Collection<String> turnOff) {
        Fusion f = fusion == null || fusion.isBlank() ? DEFAULTS.fusion() : Fusion.byId(fusion).orElseThrow(() ->
                new ConfigurationException("retrieval_config", "unknown retrieval fusion '" + fusion + "'; valid: "
                        + java.util.Arrays.stream(Fusion.values()).map(Fusion::id).collect(Collectors.joining(", "))));
        EnumSet<StageId> stages = EnumSet.noneOf(StageId.class);
        stages.addAll(DEFAULTS.stages());
        turnOn.forEach(name -> stages.add(stage(name)));
        turnOff.forEach(name -> stages.remove(stage(name)));
        stages.add(StageId.FUSION);
        return new RetrievalSettings(f, stages);
    }

    public RetrievalSettings withFusion(Fusion value) {
        return new RetrievalSettings(value, stages);
    }

    private static StageId stage(String name) {
        return StageId.byId(name).orElseThrow(() -> new ConfigurationException("retrieval_config",
                "unknown retrieval stage '" + name + "'; valid: "
                        + java.util.Arrays.stream(StageId.values()).map(StageId::id).collect(Collectors.joining(", "))));
    }
}
