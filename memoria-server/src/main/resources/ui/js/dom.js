// Building DOM nodes without innerHTML: memory contents are user data, and text nodes can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('button', {class: 'x', onclick: f}, 'label'). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same calling convention as h. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A short, readable form of an RFC 3339 time in the browser's locale. */
export function when(timestamp) {
  if (!timestamp) return '—';
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString();
}

/** The last 8 hex digits: ids are UUIDv7, so their first digits are a timestamp shared by every recent memory. */
export function shortId(id) {
  return id ? `…${id.slice(-8)}` : '—';
}

/** A labelled form field; the id ties label and control together for screen readers and clicks. */
let fieldCount = 0;
export function field(label, control, hint) {
  const id = control.id || `f${++fieldCount}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) =>
    h('option', { value: v, selected: v === value }, label)));
}

/** A section with a heading, for the consistent layout of every view. */
export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}
