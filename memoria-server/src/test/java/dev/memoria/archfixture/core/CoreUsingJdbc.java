package dev.memoria.archfixture.core;

/** Breaks "no JDBC in core". */
public class CoreUsingJdbc {
    java.sql.Connection connection;
}
