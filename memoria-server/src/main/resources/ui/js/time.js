// The Time view: the branch graph, the timeline of the checked-out branch, and comparing two points of it (two
// snapshots, or a snapshot and now) with rollback or a new branch from the earlier one.
import { h, field, section, clear, when } from './dom.js';
import { api, path, query } from './api.js';
import { renderTimeline, NOW } from './timeline.js';
import { renderBranchGraph } from './graph.js';
import { loadDiff, renderDiff } from './diff.js';
import { confirmAction } from './dialog.js';
import { guarded, notify } from './status.js';

const PAGE = 100;

/** What is loaded and selected; kept across redraws so that an action does not lose the selection. */
const state = { snapshots: [], hasMore: false, selected: [] };

async function loadSnapshots(offset) {
  const page = await api.get(`/v1/snapshots${query({ limit: PAGE, offset })}`);
  state.snapshots = offset === 0 ? page.snapshots : state.snapshots.concat(page.snapshots);
  state.hasMore = page.has_more;
}

/** The earlier point first; "now" is always the later one. */
function ordered(points) {
  return [...points].sort((a, b) => (a.now ? 1 : b.now ? -1 : a.created_at.localeCompare(b.created_at)
    || a.revision - b.revision));
}

function toggle(point) {
  const i = state.selected.findIndex((p) => p.name === point.name);
  if (i >= 0) state.selected.splice(i, 1);
  else if (state.selected.length < 2) state.selected.push(point);
  else state.selected = [point];
}

function takeSnapshotForm(redraw) {
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 64, spellcheck: 'false' });
  const description = h('input', { type: 'text', name: 'description', maxlength: 500 });
  const form = h('form', { class: 'inline', 'aria-label': 'Take a snapshot' },
    field('Snapshot name', name), field('Description', description),
    h('button', { type: 'submit' }, 'Take snapshot'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const created = await api.post('/v1/snapshots', { name: name.value.trim(), description: description.value || undefined });
      notify(created.result);
      redraw(true);
    });
  });
  return form;
}

function compareActions(from, redraw) {
  const branchName = h('input', { type: 'text', name: 'branch', required: true, maxlength: 64, spellcheck: 'false' });
  const branchForm = h('form', { class: 'inline', 'aria-label': `Create a branch from ${from.name}` },
    field(`New branch from ${from.name}`, branchName),
    h('button', { type: 'submit' }, 'Create branch'));
  branchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const created = await api.post('/v1/branches', { name: branchName.value.trim(), from_snapshot: from.name });
      notify(`${created.result} from snapshot ${from.name}. Check it out in the branch list to work on it.`);
      redraw(false);
    });
  });
  const rollback = h('button', { type: 'button', class: 'danger', onclick: () => guarded(async () => {
    const yes = await confirmAction(`Roll back to ${from.name}?`,
      `Branch ${from.branch} returns to its state at ${when(from.created_at)}: memories stored after it end, memories `
      + 'it had come back. A safety snapshot is taken first, so the rollback itself can be rolled back.', 'Roll back');
    if (!yes) return;
    const result = await api.post(path('/v1/snapshots/{}/rollback', from.name));
    notify(`${result.result}; safety snapshot ${result.safety_snapshot}.`);
    state.selected = [];
    redraw(true);
  }) }, `Roll back to ${from.name}`);
  return h('div', { class: 'compare-actions' }, rollback, branchForm);
}

function comparePanel(redraw) {
  const points = ordered(state.selected);
  const body = h('div', { 'aria-live': 'polite' });
  if (points.length === 0) {
    body.append(h('p', { class: 'hint' }, 'Select two points on the timeline (a snapshot and another, or "now").'));
  } else if (points.length === 1 && !points[0].now) {
    body.append(h('p', {}, `Selected ${points[0].name}. Select a second point, or `),
      h('button', { type: 'button', onclick: () => { state.selected.push(NOW); redraw(false); } }, 'Compare with now'));
  } else if (points.length === 1) {
    body.append(h('p', { class: 'hint' }, 'Now is selected; select a snapshot to compare it with.'));
  } else {
    const [from, to] = points;
    body.append(h('p', { class: 'hint' }, 'Loading the difference…'));
    guarded(async () => {
      const diff = await loadDiff(from.name, to.now ? null : to.name);
      clear(body).append(renderDiff(diff), compareActions(from, redraw));
    });
  }
  const clearButton = state.selected.length
    ? h('button', { type: 'button', onclick: () => { state.selected = []; redraw(false); } }, 'Clear selection') : null;
  return section('Compare', body, clearButton);
}

function branchList(branches, redraw) {
  return h('ul', { class: 'branches' }, branches.map((b) => h('li', {},
    h('strong', {}, b.name), b.active ? h('span', { class: 'badge' }, 'checked out') : null,
    b.created_at ? h('span', { class: 'hint' }, ` from ${b.source_branch} at revision ${b.source_revision}, ${when(b.created_at)}`) : null,
    b.active ? null : h('button', { type: 'button', onclick: () => guarded(async () => {
      const result = await api.post(path('/v1/branches/{}/checkout', b.name));
      notify(result.result);
      state.selected = [];
      redraw(false);
    }) }, `Check out ${b.name}`))));
}

export function renderTime(container) {
  const redraw = (reloadSnapshots) => guarded(async () => {
    const [branches] = await Promise.all([api.get('/v1/branches'), reloadSnapshots ? loadSnapshots(0) : null]);
    const current = branches.branches.find((b) => b.active)?.name || 'main';
    const ofBranch = state.snapshots.filter((snap) => snap.branch === current);
    // a selection from another branch (before a checkout) no longer belongs on this timeline
    state.selected = state.selected.filter((p) => p.now || ofBranch.some((snap) => snap.name === p.name));
    const more = state.hasMore ? h('button', { type: 'button', onclick: () => guarded(async () => {
      await loadSnapshots(state.snapshots.length);
      redraw(false);
    }) }, 'Load older snapshots') : null;
    const onSelect = (point) => { toggle(point); redraw(false); };
    const isSelected = (point) => state.selected.some((p) => p.name === point.name);
    const focused = document.activeElement?.dataset?.snapshot;
    const timelineBox = h('div', { class: 'scroll' }, renderTimeline(current, ofBranch, isSelected, onSelect));
    clear(container).append(h('h1', {}, 'Time'),
      section('Branches', h('div', { class: 'scroll' }, renderBranchGraph(branches.branches, state.snapshots)),
        branchList(branches.branches, redraw)),
      section(`Timeline of ${current}`,
        h('p', { class: 'hint' }, `${ofBranch.length} snapshot(s) of ${state.snapshots.length} loaded; oldest on the left.`),
        timelineBox, more,
        takeSnapshotForm(redraw)),
      comparePanel(redraw));
    // the newest end is where work happens: in a narrow window start scrolled there
    timelineBox.scrollLeft = timelineBox.scrollWidth;
    // redrawing replaces the nodes; keep keyboard focus on the one just activated
    if (focused) container.querySelector(`[data-snapshot="${CSS.escape(focused)}"]`)?.focus();
  });
  state.selected = [];
  redraw(true);
}
