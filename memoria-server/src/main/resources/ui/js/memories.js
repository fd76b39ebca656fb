// The Memories view: search by meaning with the score breakdown, a filtered list paged by the API's cursor
// (one page in memory at a time, never the full list), and opening one memory by id.
import { h, field, select, section, clear } from './dom.js';
import { api, path, query } from './api.js';
import { renderMemory } from './memory-card.js';
import { renderBreakdown, renderExplainSummary } from './explain.js';
import { guarded, notify } from './status.js';

const TYPES = ['semantic', 'profile', 'procedural', 'working', 'episodic', 'tool_result'];
const TIERS = ['T1', 'T2', 'T3', 'T4'];

function searchPanel(refreshList) {
  const text = h('input', { type: 'search', name: 'query', required: true, maxlength: 2000 });
  const topK = select('top_k', [['5', '5'], ['10', '10'], ['20', '20']], '5');
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', role: 'search', 'aria-label': 'Search memories' },
    field('Search by meaning', text), field('Results', topK), h('button', { type: 'submit', class: 'primary' }, 'Search'));
  const run = () => guarded(async () => {
    // explain "verbose" adds the per-candidate scores; "basic" has only the summary
    const answer = await api.post('/v1/memories/retrieve',
      { query: text.value, top_k: Number(topK.value), explain: 'verbose' });
    const byId = new Map((answer.explain.candidate_scores || []).map((c) => [c.memory_id, c]));
    const onChanged = () => { run(); refreshList(); };
    clear(results).append(renderExplainSummary(answer.explain),
      answer.results.length
        ? h('ol', { class: 'memories', 'data-testid': 'search-results' }, answer.results.map((m) =>
          renderMemory(m, { onChanged, extra: renderBreakdown(byId.get(m.memory_id)) })))
        : h('p', { class: 'hint' }, 'Nothing relevant found.'));
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  return section('Search', form, results);
}

function listPanel() {
  const type = select('memory_type', [['', 'any type'], ...TYPES.map((t) => [t, t])], '');
  const tier = select('trust_tier', [['', 'any tier'], ...TIERS.map((t) => [t, t])], '');
  const session = h('input', { type: 'text', name: 'session_id', maxlength: 128, spellcheck: 'false' });
  const limit = select('limit', [['10', '10'], ['25', '25'], ['50', '50'], ['100', '100']], '25');
  const form = h('form', { class: 'inline', 'aria-label': 'Filter memories' },
    field('Type', type), field('Tier', tier), field('Session', session), field('Per page', limit),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'));
  const list = h('div', { class: 'results' });
  const pager = h('div', { class: 'pager' });
  // cursors of the pages before this one, so "Previous" needs no second listing API
  let cursors = [];
  let cursor = null;

  const load = () => guarded(async () => {
    const page = await api.get(`/v1/memories${query({
      memory_type: type.value, trust_tier: tier.value, session_id: session.value.trim(), limit: limit.value, cursor,
    })}`);
    clear(list).append(page.items.length
      ? h('ol', { class: 'memories', 'data-testid': 'memory-list' },
        page.items.map((m) => renderMemory(m, { onChanged: load })))
      : h('p', { class: 'hint' }, cursor ? 'No more memories.' : 'No memories match these filters.'));
    clear(pager).append(
      h('button', { type: 'button', disabled: cursors.length === 0, onclick: () => { cursor = cursors.pop(); load(); } },
        'Previous page'),
      h('span', { class: 'hint' }, `Page ${cursors.length + 1}`),
      h('button', { type: 'button', disabled: !page.next_cursor, onclick: () => {
        cursors.push(cursor); cursor = page.next_cursor; load();
      } }, 'Next page'));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors = [];
    cursor = null;
    load();
  });
  load();
  return { panel: section('Browse', form, list, pager), reload: load };
}

function openPanel() {
  const id = h('input', { type: 'text', name: 'memory_id', required: true, pattern: '[0-9a-fA-F]{32}',
    maxlength: 32, spellcheck: 'false' });
  const out = h('div', { class: 'results' });
  const form = h('form', { class: 'inline', 'aria-label': 'Open a memory by id' },
    field('Memory id', id, '32 hex characters'), h('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    try {
      const memory = await api.get(path('/v1/memories/{}', id.value.trim().toLowerCase()));
      out.append(h('ol', { class: 'memories' }, renderMemory(memory, { onChanged: () => clear(out) })));
    } catch (error) {
      // another user's memory is answered exactly like a missing one, so the console cannot tell them apart either
      out.append(h('p', { class: 'note error', role: 'alert', 'data-testid': 'open-error' },
        `${error.message} (${error.status})`));
      notify(error.message, 'error');
    }
  });
  return section('Open by id', form, out);
}

export function renderMemories(container) {
  const browse = listPanel();
  container.append(h('h1', {}, 'Memories'), searchPanel(browse.reload), browse.panel, openPanel());
}
