package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause assembled from fixed SQL fragments with named parameters. User values only ever travel as
 * bound parameters; the fragments themselves are constants of this adapter.
 */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Rows of one user's branch: the scoping every memory query starts from. */
    static Conditions onBranch(BranchRef branch) {
        return new Conditions()
                .add("user_id = :user_id", "user_id", branch.userId())
                .add("branch_name = :branch_name", "branch_name", branch.branch());
    }

    Conditions add(String clause) {
        clauses.add(clause);
        return this;
    }

    Conditions add(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
        return this;
    }

    /** Adds a parameter used by a clause that names it more than once or together with others. */
    Conditions parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Versions visible at the read point: current ones at head, otherwise {@code rev_from <= R < rev_to}. */
    Conditions activeAt(ReadPoint at) {
        if (at == null || at.isHead()) {
            return add("rev_to IS NULL");
        }
        return add("rev_from <= :at_rev AND (rev_to IS NULL OR rev_to > :at_rev)", "at_rev", at.revision());
    }

    /** The filter parts SQL can evaluate; metadata conditions are checked in Java with {@link MemoryFilter#matches}. */
    Conditions matching(MemoryFilter filter) {
        if (filter == null) {
            return this;
        }
        if (filter.session() != null) {
            if (filter.session().includeUnscoped()) {
                add("(session_id = :f_session OR session_id IS NULL)", "f_session", filter.session().sessionId());
            } else {
                add("session_id = :f_session", "f_session", filter.session().sessionId());
            }
        }
        if (filter.subjectId() != null) {
            add("subject_id = :f_subject", "f_subject", filter.subjectId());
        } else if (filter.nullSubjectOnly()) {
            add("subject_id IS NULL");
        }
        if (!filter.types().isEmpty()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (MemoryType type : filter.types()) {
                String name = "f_type" + i++;
                names.add(":" + name);
                parameters.put(name, type.wireName());
            }
            add("memory_type IN (" + String.join(", ", names) + ")");
        }
        if (filter.trustTier() != null) {
            add("trust_tier = :f_tier", "f_tier", filter.trustTier().name());
        }
        return this;
    }

    /** Binds {@code values} as {@code :prefix0, :prefix1, …} inside {@code column IN (…)}. */
    Conditions in(String column, String prefix, List<String> values) {
        List<String> names = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            names.add(":" + prefix + i);
            parameters.put(prefix + i, values.get(i));
        }
        return add(column + " IN (" + String.join(", ", names) + ")");
    }

    String sql() {
        return String.join(" AND ", clauses);
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        parameters.forEach(statement::bind);
        return statement;
    }

    Conditions copy() {
        Conditions copy = new Conditions();
        copy.clauses.addAll(clauses);
        copy.parameters.putAll(parameters);
        return copy;
    }
}
