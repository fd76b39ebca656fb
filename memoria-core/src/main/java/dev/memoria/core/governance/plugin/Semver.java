package dev.memoria.core.governance.plugin;

import dev.memoria.ports.error.InvalidInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]}. Build metadata is not accepted: two packages that
 * differ only in it would be the same version to the registry. A pre-release sorts before its release.
 */
public record Semver(int major, int minor, int patch, String preRelease) implements Comparable<Semver> {

    private static final Pattern FORM = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z.-]+))?");

    public static Semver parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidInputException("invalid_version",
                    "version must be semantic (MAJOR.MINOR.PATCH, e.g. 1.2.0), got '" + text + "'");
        }
        return new Semver(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4));
    }

    /** The release part of a host version such as {@code 0.1.0-SNAPSHOT}; empty when it is not a version. */
    public static java.util.Optional<Semver> lenient(String text) {
        try {
            Semver v = parse(text);
            return java.util.Optional.of(new Semver(v.major, v.minor, v.patch, null));
        } catch (InvalidInputException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public int compareTo(Semver o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || o.preRelease == null) {
            return preRelease == null ? (o.preRelease == null ? 0 : 1) : -1;
        }
        return preRelease.compareTo(o.preRelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }
}
