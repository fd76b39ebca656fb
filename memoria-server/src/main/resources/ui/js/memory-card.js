// One memory as a list item with its facts and its actions (history, correct, delete). The actions confirm
// first and report what the server did, including the safety snapshot a delete leaves behind.
import { h, when, shortId } from './dom.js';
import { api, call, path } from './api.js';
import { openDialog, confirmAction } from './dialog.js';
import { notify, guarded } from './status.js';

function chip(label, value) {
  return value ? h('span', { class: 'chip' }, h('span', { class: 'chip-label' }, label), ' ', value) : null;
}

async function showHistory(memory) {
  const history = await api.get(path('/v1/memories/{}/history', memory.memory_id));
  const items = history.versions.map((v) => h('li', { class: v.is_active ? 'active' : 'ended' },
    h('p', {}, v.content),
    h('p', { class: 'meta' }, h('code', { title: v.memory_id }, shortId(v.memory_id)), ` · ${v.memory_type} · `,
      v.is_active ? 'current' : `ended${v.superseded_by ? `, superseded by ${shortId(v.superseded_by)}` : ''}`,
      ` · observed ${when(v.observed_at)}`)));
  await openDialog({
    title: `History of ${shortId(memory.memory_id)} (${history.total} version${history.total === 1 ? '' : 's'})`,
    body: h('ol', { class: 'history', 'data-testid': 'history' }, items), actions: [], cancelLabel: 'Close',
  });
}

async function correct(memory, onChanged) {
  const text = h('textarea', { rows: 4, 'aria-label': 'Corrected content', maxlength: 32768 });
  text.value = memory.content;
  const choice = await openDialog({
    title: `Correct ${shortId(memory.memory_id)}`,
    body: [h('p', {}, 'A correction stores a new memory and ends this one; the history keeps both.'), text],
    actions: [{ label: 'Save correction', value: 'save', kind: 'primary' }], focus: text,
  });
  if (choice !== 'save' || !text.value.trim() || text.value === memory.content) return;
  const corrected = await api.put(path('/v1/memories/{}/correct', memory.memory_id), { new_content: text.value });
  notify(`Corrected: new memory ${shortId(corrected.memory_id)} replaces ${shortId(memory.memory_id)}.`);
  onChanged();
}

async function remove(memory, onChanged) {
  const yes = await confirmAction(`Delete ${shortId(memory.memory_id)}?`,
    `“${memory.content.slice(0, 120)}” will be deleted. A safety snapshot is taken first, so a rollback can bring it back.`,
    'Delete');
  if (!yes) return;
  const response = await call('DELETE', path('/v1/memories/{}', memory.memory_id));
  const snapshot = response.headers.get('X-Memoria-Safety-Snapshot');
  notify(`Deleted ${shortId(memory.memory_id)}${snapshot ? `; safety snapshot ${snapshot}` : ''}.`);
  onChanged();
}

/** extra: a node shown under the facts (the score breakdown of a search result). */
export function renderMemory(memory, { onChanged, extra } = {}) {
  const score = typeof memory.retrieval_score === 'number' ? memory.retrieval_score.toFixed(3) : null;
  return h('li', { class: 'memory', 'data-memory-id': memory.memory_id },
    h('p', { class: 'content' }, memory.content),
    h('p', { class: 'meta' },
      chip('type', memory.memory_type), chip('tier', memory.trust_tier), chip('session', memory.session_id),
      chip('score', score), chip('created', when(memory.created_at)),
      h('code', { class: 'chip', title: memory.memory_id }, shortId(memory.memory_id))),
    extra || null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => guarded(() => showHistory(memory)) }, 'History'),
      h('button', { type: 'button', onclick: () => guarded(() => correct(memory, onChanged)) }, 'Correct'),
      h('button', { type: 'button', class: 'danger', onclick: () => guarded(() => remove(memory, onChanged)) },
        'Delete')));
}
