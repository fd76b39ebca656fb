package dev.memoria.ports.model;

import java.math.BigDecimal;

/** Equality of JSON scalar values that keeps type families apart ("2" is not 2) but treats 2 and 2.0 alike. */
public final class JsonScalars {

    private JsonScalars() {
    }

    public static boolean sameValue(Object wanted, Object actual) {
        if (wanted == null || actual == null) {
            return wanted == null && actual == null;
        }
        if (wanted instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (wanted instanceof Number || actual instanceof Number) {
            return false;
        }
        return wanted.equals(actual);
    }
}
