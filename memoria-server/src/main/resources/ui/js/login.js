// The login form. One request tells a valid key from an invalid one and the master key from an API key:
// /admin/stats answers 200 to the master key, 403 to any other valid key and 401 to an unknown one.
import { h, field } from './dom.js';
import { call, ApiError } from './api.js';
import { session } from './session.js';

async function probe(key, user) {
  try {
    await call('GET', '/admin/stats', undefined, { key, user, master: true });
    return { master: true, user: user || 'default' };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  // an API key acts for the user it belongs to, whatever the form says; ask the server which one that is
  const keys = await call('GET', '/auth/keys', undefined, { key, master: false });
  return { master: false, user: keys.data[0]?.user_id || '' };
}

export function renderLogin(container, onSignedIn, message) {
  const key = h('input', { type: 'password', name: 'key', required: true, autocomplete: 'off', spellcheck: 'false' });
  const user = h('input', { type: 'text', name: 'user', autocomplete: 'off', spellcheck: 'false', maxlength: 64 });
  const error = h('p', { class: 'note error', role: 'alert', hidden: !message }, message || '');
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'login panel', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to the Memoria console'),
    field('API key or master key', key, 'Kept in this tab only (sessionStorage), sent as a Bearer token.'),
    field('Act as user', user, 'Only with the master key; empty means the user "default".'),
    error, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      const who = await probe(key.value.trim(), user.value.trim());
      session.save(key.value.trim(), who.user, who.master);
      key.value = '';
      onSignedIn();
    } catch (e) {
      error.textContent = e.status === 401 ? 'The server refused this key.' : e.message;
      error.hidden = false;
      key.focus();
    } finally {
      button.disabled = false;
    }
  });
  container.replaceChildren(form);
  key.focus();
}
