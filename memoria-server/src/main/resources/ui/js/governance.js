// The Governance view: the entities the server linked to this user's memories, and (with the master key, since
// the route is an admin one) the recent scheduled and triggered governance runs.
import { h, section, when } from './dom.js';
import { api, query } from './api.js';
import { session } from './session.js';
import { describe } from './status.js';

function failure(error) {
  return h('p', { class: 'note error', role: 'alert' }, describe(error));
}

async function entitiesPanel() {
  try {
    const { entities } = await api.get('/v1/entities');
    return section(`Entities (${entities.length})`, entities.length
      ? h('ul', { class: 'tags', 'data-testid': 'entities' }, entities.map((e) =>
        h('li', { class: 'chip' }, e.name, e.entity_type ? h('span', { class: 'chip-label' }, ` ${e.entity_type}`) : null)))
      : h('p', { class: 'hint' }, 'No entities linked yet.'));
  } catch (error) {
    return section('Entities', failure(error));
  }
}

function countsText(counts) {
  return Object.entries(counts || {}).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ') || '—';
}

async function runsPanel() {
  if (!session.isMaster()) {
    return section('Governance runs', h('p', { class: 'hint' },
      'The run log is an admin route (GET /admin/governance/runs); sign in with the master key to see it.'));
  }
  try {
    const { runs } = await api.get(`/admin/governance/runs${query({ limit: 50 })}`);
    const user = session.user();
    // the log is server-wide; this view is about the user being acted for, plus the runs over every user
    const mine = runs.filter((r) => !r.user_id || r.user_id === user);
    return section(`Governance runs (${mine.length} of the last ${runs.length})`, mine.length
      ? h('div', { class: 'scroll' }, h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ['task', 'user', 'status', 'started', 'finished', 'counts', 'instance']
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, mine.map((r) => h('tr', {},
          h('td', {}, r.task), h('td', {}, r.user_id || 'all users'), h('td', {}, r.status),
          h('td', {}, when(r.started_at)), h('td', {}, when(r.finished_at)), h('td', {}, countsText(r.counts)),
          h('td', {}, h('code', {}, r.instance_id)))))))
      : h('p', { class: 'hint' }, 'No governance runs recorded for this user yet.'));
  } catch (error) {
    return section('Governance runs', failure(error));
  }
}

export async function renderGovernance(container) {
  container.append(h('h1', {}, 'Governance'));
  const panels = await Promise.all([entitiesPanel(), runsPanel()]);
  container.append(...panels);
}
