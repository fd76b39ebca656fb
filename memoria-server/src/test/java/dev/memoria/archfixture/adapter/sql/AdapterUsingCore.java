package dev.memoria.archfixture.adapter.sql;

/** Breaks "adapters see only ports": it uses a core class. */
public class AdapterUsingCore {
    dev.memoria.archfixture.core.CoreUsingJdbc core;
}
