// Branches as a picture: one lane per branch, a curve where a branch forks from its parent, its snapshots on its
// lane, and merges into main marked where the server took their safety snapshot (pre_merge_…). Events are spaced
// evenly in time order, so a busy minute and a quiet month take the same room.
import { s, when } from './dom.js';

const STEP = 70;
const LEFT = 130;
const LANE = 44;
const TOP = 28;

export function renderBranchGraph(branches, snapshots) {
  const lanes = [...branches].sort((a, b) =>
    (a.name === 'main' ? -1 : b.name === 'main' ? 1 : (a.created_at || '').localeCompare(b.created_at || '')));
  const laneOf = new Map(lanes.map((b, i) => [b.name, i]));
  const events = [];
  for (const branch of lanes) {
    if (branch.name === 'main') continue;
    events.push({ kind: 'fork', time: branch.created_at, lane: laneOf.get(branch.name),
      parent: laneOf.get(branch.source_branch || 'main') ?? 0, label: `branch ${branch.name} created ${when(branch.created_at)}` });
  }
  for (const snapshot of snapshots) {
    if (!laneOf.has(snapshot.branch)) continue;
    const merge = snapshot.safety && snapshot.name.startsWith('pre_merge_');
    events.push({ kind: merge ? 'merge' : 'snapshot', time: snapshot.created_at, lane: laneOf.get(snapshot.branch),
      safety: snapshot.safety,
      label: merge ? `merge into ${snapshot.branch} (safety snapshot ${snapshot.name}) ${when(snapshot.created_at)}`
        : `snapshot ${snapshot.name} on ${snapshot.branch} ${when(snapshot.created_at)}` });
  }
  events.sort((a, b) => (a.time || '').localeCompare(b.time || ''));
  const x = (i) => LEFT + STEP * (i + 1);
  const y = (lane) => TOP + LANE * lane;
  const right = x(events.length) + 10;
  const start = new Array(lanes.length).fill(LEFT);
  events.forEach((e, i) => { if (e.kind === 'fork') start[e.lane] = x(i); });

  const parts = [];
  lanes.forEach((branch, i) => {
    parts.push(s('text', { class: `lane-label${branch.active ? ' active' : ''}`, x: LEFT - 12, y: y(i) + 4,
      'text-anchor': 'end' }, branch.active ? `${branch.name} ✓` : branch.name));
    parts.push(s('line', { class: `lane lane-${i % 6}`, x1: start[i], y1: y(i), x2: right, y2: y(i) }));
  });
  events.forEach((e, i) => {
    const cx = x(i);
    const cy = y(e.lane);
    if (e.kind === 'fork') {
      parts.push(s('path', { class: `fork lane-${e.lane % 6}`,
        d: `M${cx - STEP / 2} ${y(e.parent)} C${cx - STEP / 4} ${y(e.parent)} ${cx - STEP / 4} ${cy} ${cx} ${cy}` },
      s('title', {}, e.label)));
      parts.push(s('circle', { class: 'fork-dot', cx: cx - STEP / 2, cy: y(e.parent), r: 4 }, s('title', {}, e.label)));
    } else if (e.kind === 'merge') {
      parts.push(s('path', { class: 'merge', d: `M${cx} ${cy - 8} l8 8 l-8 8 l-8 -8 z` }, s('title', {}, e.label)));
    } else {
      parts.push(s('circle', { class: `snap${e.safety ? ' safety' : ''}`, cx, cy, r: e.safety ? 4 : 6 },
        s('title', {}, e.label)));
    }
  });
  const width = right + 20;
  const height = TOP + LANE * (lanes.length - 1) + 24;
  return s('svg', {
    class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-testid': 'branch-graph',
    'aria-label': `Branch graph: ${lanes.length} branch(es), ${events.filter((e) => e.kind === 'fork').length} fork(s), `
      + `${events.filter((e) => e.kind === 'merge').length} merge(s)`,
  }, parts);
}
