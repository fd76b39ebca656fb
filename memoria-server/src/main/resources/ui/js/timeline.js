// The snapshots of one branch as a picture: a line through time, one node per snapshot (hollow for the safety
// snapshots the server takes by itself) and "now" at the end. Nodes are buttons: Tab reaches them, Enter or
// Space selects, as a click does.
import { s, when } from './dom.js';

const STEP = 120;
const MARGIN = 70;
const LINE_Y = 62;
export const NOW = Object.freeze({ name: 'now', now: true });

function label(name) {
  return name.length > 18 ? `${name.slice(0, 17)}…` : name;
}

function shortTime(timestamp) {
  const date = new Date(timestamp);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleDateString();
}

function node(point, x, selected, onSelect) {
  const description = point.now ? 'the current state'
    : `snapshot ${point.name}${point.safety ? ' (safety)' : ''}, ${when(point.created_at)}, ${point.memory_count} memories`;
  const select = () => onSelect(point);
  return s('g', {
    class: `node${point.safety ? ' safety' : ''}${point.now ? ' now' : ''}${selected ? ' selected' : ''}`,
    tabindex: 0, role: 'button', 'aria-pressed': String(selected), 'aria-label': `Select ${description}`,
    'data-snapshot': point.name,
    onclick: select,
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(); }
    },
  },
  s('title', {}, description),
  s('circle', { class: 'halo', cx: x, cy: LINE_Y, r: 15 }),
  s('circle', { class: 'dot', cx: x, cy: LINE_Y, r: point.now ? 8 : point.safety ? 6 : 9 }),
  s('text', { class: 'name', x, y: LINE_Y - 24, 'text-anchor': 'middle' }, point.now ? 'now' : label(point.name)),
  point.now ? null : s('text', { class: 'time', x, y: LINE_Y + 32, 'text-anchor': 'middle' }, shortTime(point.created_at)),
  point.now ? null : s('text', { class: 'count', x, y: LINE_Y + 47, 'text-anchor': 'middle' }, `${point.memory_count} mem`));
}

/** snapshots: of one branch, any order; isSelected(point) marks the chosen ones; onSelect(point) on activation. */
export function renderTimeline(branch, snapshots, isSelected, onSelect) {
  const points = [...snapshots].sort((a, b) =>
    a.created_at.localeCompare(b.created_at) || a.revision - b.revision).concat([NOW]);
  const width = MARGIN * 2 + STEP * (points.length - 1);
  const height = 130;
  const last = MARGIN + STEP * (points.length - 1);
  return s('svg', {
    class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `Timeline of branch ${branch}: ${snapshots.length} snapshot(s), oldest left`, 'data-testid': 'timeline',
  },
  s('line', { class: 'axis', x1: MARGIN - 40, y1: LINE_Y, x2: last, y2: LINE_Y }),
  s('path', { class: 'axis-arrow', d: `M${last + 14} ${LINE_Y} l-10 -5 v10 z` }),
  points.map((point, i) => node(point, MARGIN + STEP * i, isSelected(point), onSelect)));
}
