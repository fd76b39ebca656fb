package dev.memoria.core.governance.plugin;

import dev.memoria.ports.error.InvalidInputException;

/**
 * Which versions a binding rule accepts: {@code *} (any), an exact version ({@code 1.2.0}), a caret range
 * ({@code ^1.2} or {@code ^1.2.3}: same major, at least that version; for major 0 the minor is fixed too), a tilde
 * range ({@code ~1.2}: same major and minor) or a lower bound ({@code >=1.2.0}). Missing minor and patch count as 0.
 * Pre-releases match only an exact selector, so a range never picks an unfinished version by surprise.
 */
public record VersionSelector(String text, Kind kind, Semver base) {

    public enum Kind { ANY, EXACT, CARET, TILDE, AT_LEAST }

    public static VersionSelector parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty() || s.equals("*")) {
            return new VersionSelector("*", Kind.ANY, null);
        }
        if (s.startsWith("^")) {
            return new VersionSelector(s, Kind.CARET, padded(s.substring(1), s));
        }
        if (s.startsWith("~")) {
            return new VersionSelector(s, Kind.TILDE, padded(s.substring(1), s));
        }
        if (s.startsWith(">=")) {
            return new VersionSelector(s, Kind.AT_LEAST, padded(s.substring(2), s));
        }
        return new VersionSelector(s, Kind.EXACT, Semver.parse(s));
    }

    private static Semver padded(String version, String selector) {
        String v = version.trim();
        long dots = v.chars().filter(c -> c == '.').count();
        String full = dots == 0 ? v + ".0.0" : dots == 1 ? v + ".0" : v;
        try {
            return Semver.parse(full);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("invalid_version_selector", "version selector '" + selector
                    + "' is not *, an exact version, ^X.Y, ~X.Y or >=X.Y.Z");
        }
    }

    public boolean matches(Semver v) {
        if (kind == Kind.EXACT) {
            return v.compareTo(base) == 0;
        }
        if (v.preRelease() != null) {
            return false;
        }
        return switch (kind) {
            case ANY -> true;
            case AT_LEAST -> v.compareTo(base) >= 0;
            case TILDE -> v.major() == base.major() && v.minor() == base.minor() && v.compareTo(base) >= 0;
            case CARET -> v.major() == base.major() && (base.major() != 0 || v.minor() == base.minor())
                    && v.compareTo(base) >= 0;
            case EXACT -> throw new IllegalStateException();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
