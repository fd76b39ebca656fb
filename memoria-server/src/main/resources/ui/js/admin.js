// The Admin view, for the master key only. The server decides: the view asks /admin/stats first and shows the
// refusal when the key is not the master key, whatever the navigation showed.
import { h, field, section, clear, when } from './dom.js';
import { api, path } from './api.js';
import { session } from './session.js';
import { confirmAction, showSecret } from './dialog.js';
import { guarded, notify, describe } from './status.js';

const USER_PAGE = 200;

function definitionList(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

async function clusterPanel() {
  try {
    const cluster = await api.get('/admin/cluster');
    return section('Cluster',
      definitionList([['this instance', cluster.instance_id], ['leader', cluster.leader_id || 'none'],
        ['this instance leads', cluster.leader ? 'yes' : 'no']]),
      h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'instances' },
        h('caption', {}, `Instances (${cluster.instances.length})`),
        h('thead', {}, h('tr', {}, ['instance', 'started', 'last heartbeat'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, cluster.instances.map((i) => h('tr', {},
          h('td', {}, h('code', {}, i.instance_id), i.instance_id === cluster.leader_id ? h('span', { class: 'badge' }, 'leader') : null),
          h('td', {}, when(i.started_at)), h('td', {}, when(i.last_heartbeat))))))),
      cluster.tasks.length ? h('div', { class: 'scroll' }, h('table', { class: 'grid' },
        h('caption', {}, 'Scheduled tasks'),
        h('thead', {}, h('tr', {}, ['task', 'every', 'last run', 'status', 'next run'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, cluster.tasks.map((t) => h('tr', {}, h('td', {}, t.name), h('td', {}, `${t.interval_s} s`),
          h('td', {}, when(t.last_run)), h('td', {}, t.last_status || '—'), h('td', {}, when(t.next_run))))))) : null);
  } catch (error) {
    return section('Cluster', h('p', { class: 'note error' }, describe(error)));
  }
}

function keyRow(key, reload) {
  const rotate = () => guarded(async () => {
    if (!await confirmAction(`Rotate key ${key.key_prefix}…?`,
      'A new key replaces this one; the old one stops working at once.', 'Rotate')) return;
    const rotated = await api.put(path('/auth/keys/{}/rotate', key.key_id));
    await showSecret('New key', `The replacement for ${key.name || key.key_prefix} is shown once; copy it now.`, rotated.raw_key);
    reload();
  });
  const revoke = () => guarded(async () => {
    if (!await confirmAction(`Revoke key ${key.key_prefix}…?`, 'Clients using it get 401 from now on.', 'Revoke')) return;
    await api.del(path('/auth/keys/{}', key.key_id));
    notify(`Revoked ${key.key_prefix}…`);
    reload();
  });
  return h('tr', {},
    h('td', {}, h('code', {}, `${key.key_prefix}…`)), h('td', {}, key.name || '—'),
    h('td', {}, key.is_active ? 'active' : 'revoked'), h('td', {}, when(key.created_at)),
    h('td', {}, when(key.expires_at)), h('td', {}, when(key.last_used_at)),
    h('td', { class: 'actions' }, key.is_active ? [
      h('button', { type: 'button', onclick: rotate }, 'Rotate'),
      h('button', { type: 'button', class: 'danger', onclick: revoke }, 'Revoke')] : null));
}

function createKeyForm(user, reload) {
  const name = h('input', { type: 'text', name: 'name', maxlength: 128 });
  const expires = h('input', { type: 'datetime-local', name: 'expires_at' });
  const form = h('form', { class: 'inline', 'aria-label': `Create a key for ${user}` },
    field('Key name', name), field('Expires (optional)', expires), h('button', { type: 'submit' }, 'Create key'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const created = await api.post('/auth/keys', { user_id: user, name: name.value || undefined,
        expires_at: expires.value ? new Date(expires.value).toISOString() : undefined });
      await showSecret('New API key', `The key for ${user} is shown once; copy it now.`, created.raw_key);
      reload();
    });
  });
  return form;
}

async function userDetail(user, target) {
  const reload = () => userDetail(user, target);
  const [stats, keys] = await Promise.all([api.get(path('/admin/users/{}/stats', user)),
    api.get(path('/admin/users/{}/keys', user))]);
  const byType = Object.entries(stats.by_type).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
  clear(target).append(h('h3', {}, `User ${user}`),
    definitionList([['active memories', stats.active_memories], ['by type', byType],
      ['average confidence', stats.avg_confidence], ['branches', stats.branches], ['snapshots', stats.snapshots],
      ['active keys', stats.active_keys], ['retrievals', stats.retrievals]]),
    h('button', { type: 'button', onclick: () => {
      session.setUser(user);
      document.getElementById('act-as').value = user;
      location.hash = '#/memories';
    } }, `Act as ${user}`),
    h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'keys' },
      h('caption', {}, `API keys (${keys.keys.length})`),
      h('thead', {}, h('tr', {}, ['prefix', 'name', 'state', 'created', 'expires', 'last used', 'actions']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, keys.keys.map((k) => keyRow(k, reload))))),
    createKeyForm(user, reload));
  target.focus();
}

// The server pages the directory by user id; the view loads a page at a time and filters what it has loaded.
async function usersPanel(total) {
  const users = [];
  let cursor = null;
  const filter = h('input', { type: 'search', 'aria-label': 'Filter users', placeholder: 'filter loaded users' });
  const list = h('ul', { class: 'users' });
  const more = h('button', { type: 'button', 'data-testid': 'more-users' }, 'More users');
  const detail = h('div', { class: 'user-detail', tabindex: -1, 'aria-live': 'polite' });
  const draw = () => {
    const shown = users.filter((u) => u.includes(filter.value.trim()));
    clear(list).append(...shown.map((u) => h('li', {}, h('button', { type: 'button',
      onclick: () => guarded(() => userDetail(u, detail)) }, u))));
    more.hidden = cursor === null;
  };
  const load = async () => {
    const page = await api.get(`/admin/users?limit=${USER_PAGE}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    users.push(...page.users.map((u) => u.user_id));
    cursor = page.next_cursor;
    draw();
  };
  more.addEventListener('click', () => guarded(load));
  filter.addEventListener('input', draw);
  await load();
  return section(`Users (${total})`, filter, list, more, detail);
}

export async function renderAdmin(container) {
  container.append(h('h1', {}, 'Admin'));
  let stats;
  try {
    stats = await api.get('/admin/stats');
  } catch (error) {
    container.append(h('p', { class: 'note error', role: 'alert', 'data-testid': 'admin-refused' },
      `The server refused the admin view: ${describe(error)}. It needs the master key.`));
    return;
  }
  container.append(section('Server', definitionList([['instance', stats.instance_id], ['users', stats.total_users],
    ['active memories', stats.total_memories], ['snapshots', stats.total_snapshots],
    ['embedding model', stats.embedder ? 'loaded' : 'none (keyword retrieval only)']])));
  container.append(await guarded(() => usersPanel(stats.total_users)) || '', await clusterPanel());
}

