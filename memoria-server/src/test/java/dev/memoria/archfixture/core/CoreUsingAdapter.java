package dev.memoria.archfixture.core;

/** Breaks "core depends only on ports": it instantiates an adapter. */
public class CoreUsingAdapter {
    Object adapter = new dev.memoria.archfixture.adapter.sql.AdapterUsingCore();
}
