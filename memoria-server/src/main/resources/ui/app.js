// Entry point: login or the signed-in shell, and a hash router over the four views. The hash holds only the
// view name, never a key or a user's data.
import { h, clear } from './js/dom.js';
import { session } from './js/session.js';
import { LOGGED_OUT } from './js/api.js';
import { renderLogin } from './js/login.js';
import { clearStatus, notify } from './js/status.js';
import { renderMemories } from './js/memories.js';
import { renderTime } from './js/time.js';
import { renderGovernance } from './js/governance.js';
import { renderAdmin } from './js/admin.js';

const VIEWS = {
  memories: renderMemories,
  time: renderTime,
  governance: renderGovernance,
  admin: renderAdmin,
};

const main = () => document.getElementById('main');

function currentView() {
  const name = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  return VIEWS[name] ? name : 'memories';
}

function showLogin(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  clearStatus();
  renderLogin(main(), showShell, message);
}

function renderWho() {
  const who = clear(document.getElementById('who'));
  who.hidden = false;
  const logout = h('button', { type: 'button', onclick: logOut }, 'Log out');
  if (!session.isMaster()) {
    who.append(h('span', {}, 'User ', h('strong', { id: 'who-user' }, session.user())), logout);
    return;
  }
  // the master key acts for any user: switching here changes X-User-Id for every later request
  const input = h('input', { type: 'text', value: session.user(), 'aria-label': 'Act as user', maxlength: 64,
    id: 'act-as', spellcheck: 'false' });
  const form = h('form', { class: 'act-as' }, h('span', { class: 'badge master' }, 'master key'),
    h('label', { for: 'act-as' }, 'Acting as'), input, h('button', { type: 'submit' }, 'Switch'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    session.setUser(input.value.trim() || 'default');
    notify(`Acting as ${session.user()}`);
    route();
  });
  who.append(form, logout);
}

function logOut() {
  session.clear();
  location.hash = '';
  showLogin('Logged out; the key was removed from this tab.');
}

function showShell() {
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-admin').hidden = !session.isMaster();
  renderWho();
  clearStatus();
  route();
}

function route() {
  if (!session.key()) {
    showLogin();
    return;
  }
  const name = currentView();
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · Memoria console`;
  // each view renders into a fresh element: a slow answer for a view already left lands in a detached node
  // instead of the next view
  const container = h('div', { class: 'view' });
  main().replaceChildren(container);
  VIEWS[name](container);
}

window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/')) {
    clearStatus();
    route();
    main().focus();
  }
});
// the skip link moves focus without touching the hash, which names the view
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main().focus();
});
window.addEventListener(LOGGED_OUT, (event) => showLogin(`Signed out: ${event.detail}`));

if (session.key()) showShell();
else showLogin();
