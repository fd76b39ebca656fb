// The score breakdown of one retrieval result, from explain.candidate_scores: each signal as a number and a bar,
// and the pipeline's stages in order with the score after each.
import { h, s } from './dom.js';

const SIGNALS = [
  ['final_score', 'final'],
  ['vector_score', 'vector'],
  ['keyword_score', 'keyword'],
  ['temporal_score', 'recency'],
  ['confidence_score', 'confidence'],
];

function number(value) {
  return typeof value === 'number' ? value.toFixed(3) : '—';
}

/** A bar for a value in [0, 1] drawn in SVG (attributes, not inline styles, which the CSP refuses). */
function bar(value) {
  const width = typeof value === 'number' ? Math.max(0, Math.min(1, value)) * 100 : 0;
  return s('svg', { class: 'bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    s('rect', { class: 'bar-bg', x: 0, y: 0, width: 100, height: 8 }),
    s('rect', { class: 'bar-fg', x: 0, y: 0, width, height: 8 }));
}

export function renderBreakdown(candidate) {
  if (!candidate) return h('p', { class: 'hint' }, 'No score breakdown for this result.');
  const rows = SIGNALS.map(([key, label]) => h('tr', {},
    h('th', { scope: 'row' }, label), h('td', { class: 'num' }, number(candidate[key])), h('td', {}, bar(candidate[key]))));
  const trail = candidate.trail || [];
  return h('div', { class: 'breakdown', 'data-testid': 'breakdown' },
    h('table', { class: 'scores' },
      h('caption', {}, `Score breakdown · rank ${candidate.rank ?? '—'}`), h('tbody', {}, rows)),
    trail.length ? h('details', {},
      h('summary', {}, `Pipeline stages (${trail.length})`),
      h('ol', { class: 'trail' }, trail.map((step) => h('li', {},
        h('code', {}, step.stage), ` value ${number(step.value)} → score ${number(step.score)}`)))) : null);
}

/** One line about the whole retrieval: which path it took, which sources hit, and how long it took. */
export function renderExplainSummary(explain) {
  const hits = [];
  if (explain.vector_attempted) hits.push(`vector ${explain.vector_hit ? 'hit' : 'miss'}`);
  if (explain.fulltext_attempted) hits.push(`keyword ${explain.fulltext_hit ? 'hit' : 'miss'}`);
  if (explain.graph_attempted) hits.push(`association ${explain.graph_hit ? 'hit' : 'miss'}`);
  const ms = typeof explain.total_ms === 'number' ? `${explain.total_ms.toFixed(1)} ms` : '';
  return h('p', { class: 'explain-summary', 'data-testid': 'explain-summary' },
    h('strong', {}, 'Explain: '), `path ${explain.path}`, hits.length ? ` · ${hits.join(', ')}` : '',
    ` · ${explain.result_count} result(s)`, ms ? ` · ${ms}` : '');
}
