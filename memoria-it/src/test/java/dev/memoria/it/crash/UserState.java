package dev.memoria.it.crash;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one user's data must look like: the contents active on main, each branch's contents (with what was added
 * on it since the fork, which a merge carries to main) and the contents of each user snapshot. Immutable; every
 * operation returns the state it leads to, so an operation cut off by a crash has exactly two acceptable
 * outcomes: the state before it and the state after it.
 */
record UserState(Set<String> main, Map<String, Branch> branches, Map<String, Set<String>> snapshots) {

    record Branch(Set<String> contents, Set<String> added) {
    }

    static UserState empty() {
        return new UserState(Set.of(), Map.of(), Map.of());
    }

    UserState withMain(Set<String> newMain) {
        return new UserState(Set.copyOf(newMain), branches, snapshots);
    }

    UserState stored(Set<String> contents) {
        Set<String> next = new TreeSet<>(main);
        next.addAll(contents);
        return withMain(next);
    }

    UserState removed(Set<String> contents) {
        Set<String> next = new TreeSet<>(main);
        next.removeAll(contents);
        return withMain(next);
    }

    UserState snapshot(String name) {
        Map<String, Set<String>> next = new TreeMap<>(snapshots);
        next.put(name, main);
        return new UserState(main, branches, next);
    }

    UserState rolledBack(String snapshot) {
        return withMain(snapshots.get(snapshot));
    }

    UserState branched(String name) {
        Map<String, Branch> next = new TreeMap<>(branches);
        next.put(name, new Branch(main, Set.of()));
        return new UserState(main, next, snapshots);
    }

    UserState storedOnBranch(String name, String content) {
        Branch branch = branches.get(name);
        Set<String> contents = new TreeSet<>(branch.contents());
        contents.add(content);
        Set<String> added = new TreeSet<>(branch.added());
        added.add(content);
        Map<String, Branch> next = new TreeMap<>(branches);
        next.put(name, new Branch(Set.copyOf(contents), Set.copyOf(added)));
        return new UserState(main, next, snapshots);
    }

    UserState merged(String name) {
        return stored(branches.get(name).added());
    }

    /** The same state in the shape {@link #observe} reads back, for comparison (what was added is not visible). */
    Map<String, Object> visible() {
        Map<String, Object> view = new TreeMap<>();
        view.put("main", new TreeSet<>(main));
        branches.forEach((name, b) -> view.put("branch " + name, new TreeSet<>(b.contents())));
        snapshots.forEach((name, contents) -> view.put("snapshot " + name, new TreeSet<>(contents)));
        return view;
    }

    /** Reads the user's visible state from a running server. */
    static Map<String, Object> observe(Api api) throws Exception {
        Map<String, Object> view = new TreeMap<>();
        view.put("main", api.contents(null, null));
        for (String branch : api.branches()) {
            view.put("branch " + branch, api.contents(branch, null));
        }
        for (String snapshot : api.snapshots(false)) {
            view.put("snapshot " + snapshot, api.contents(null, snapshot));
        }
        return view;
    }
}
