package dev.memoria.ports.in;

/** Use case: find the memories relevant to a query (hybrid vector + keyword). */
public interface RetrieveMemories {

    RetrievalResult retrieve(RetrieveQuery query);
}
