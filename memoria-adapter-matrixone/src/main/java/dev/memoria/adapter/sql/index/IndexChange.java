package dev.memoria.adapter.sql.index;

/**
 * One row version that changed activity in a revision range.
 *
 * @param added false: this memory id stopped being active in the range; true: this version became active.
 *              Within one batch a memory may be ended and re-added (a replace keeps the id): the index removes
 *              every id with {@code added=false} first and then adds every {@code added=true} row, so a
 *              re-added id wins.
 */
public record IndexChange(IndexRow row, boolean added) {
}
