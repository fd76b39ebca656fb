// The difference between two points of a branch. The API lists memories added and removed between them by id; a
// correction writes a new memory and ends the old one, so it appears as one of each. The history chain of each
// removed memory pairs them into "updated" (for the first few, to keep the number of requests small).
import { h, shortId } from './dom.js';
import { api, path, query } from './api.js';

const PAIRED_AT_MOST = 25;

async function successorIn(memory, addedIds) {
  try {
    const history = await api.get(path('/v1/memories/{}/history', memory.memory_id));
    const byId = new Map(history.versions.map((v) => [v.memory_id, v]));
    let current = byId.get(memory.memory_id);
    const seen = new Set();
    // follow superseded_by across corrections made (and corrected again) between the two points
    while (current?.superseded_by && !seen.has(current.memory_id)) {
      seen.add(current.memory_id);
      if (addedIds.has(current.superseded_by)) return current.superseded_by;
      current = byId.get(current.superseded_by);
    }
  } catch {
    // a memory erased since has no history; it stays in "removed"
  }
  return null;
}

/** older: a snapshot name; newer: a snapshot name, or null for the current state. */
export async function loadDiff(older, newer) {
  const diff = await api.get(`${path('/v1/snapshots/{}/diff', older)}${query({ against: newer, limit: 200 })}`);
  const addedById = new Map(diff.added.map((m) => [m.memory_id, m]));
  const successors = await Promise.all(diff.removed.slice(0, PAIRED_AT_MOST)
    .map((m) => successorIn(m, new Set(addedById.keys()))));
  const updated = [];
  const removed = [];
  diff.removed.forEach((m, i) => {
    const next = successors[i] && addedById.get(successors[i]);
    if (next) updated.push({ before: m, after: next });
    else removed.push(m);
  });
  const pairedIds = new Set(updated.map((u) => u.after.memory_id));
  return {
    older, newer, olderCount: diff.snapshot_count, newerCount: diff.current_count,
    added: diff.added.filter((m) => !pairedIds.has(m.memory_id)), updated, removed,
  };
}

function item(m) {
  return h('li', {}, h('code', { title: m.memory_id }, shortId(m.memory_id)), ' ', m.content,
    h('span', { class: 'hint' }, ` (${m.memory_type}, ${m.trust_tier})`));
}

function group(title, kind, items, render) {
  return h('section', { class: `diff-group ${kind}`, 'data-testid': `diff-${kind}` },
    h('h3', {}, `${title} (${items.length})`),
    items.length ? h('ul', {}, items.map(render)) : h('p', { class: 'hint' }, 'none'));
}

export function renderDiff(diff) {
  return h('div', { class: 'diff', 'data-testid': 'diff' },
    h('p', {}, `${diff.older}: ${diff.olderCount} memories → ${diff.newer || 'now'}: ${diff.newerCount} memories`),
    h('div', { class: 'diff-groups' },
      group('Added', 'added', diff.added, item),
      group('Updated', 'updated', diff.updated, (u) => h('li', {},
        h('del', {}, u.before.content), h('span', { 'aria-hidden': 'true' }, ' → '), h('ins', {}, u.after.content))),
      group('Removed', 'removed', diff.removed, item)));
}
