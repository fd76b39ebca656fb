// One modal <dialog> for confirmations and small forms. showModal() keeps keyboard focus inside it and Escape
// cancels; focus returns to the control that opened it.
import { h, clear } from './dom.js';

/**
 * Opens the dialog and resolves with the value of the action chosen, or null when cancelled.
 * actions: [{label, value, kind}] — kind 'danger' marks the destructive one; the first action gets focus unless
 * `focus` names an element of the body.
 */
export function openDialog({ title, body, actions, focus, cancelLabel = 'Cancel' }) {
  const dialog = document.getElementById('dialog');
  const opener = document.activeElement;
  document.getElementById('dialog-title').textContent = title;
  clear(document.getElementById('dialog-body')).append(...[body].flat().filter(Boolean));
  const bar = clear(document.getElementById('dialog-actions'));
  return new Promise((resolve) => {
    let result = null;
    const buttons = actions.map((action) => h('button', {
      type: 'button', class: action.kind || null, 'data-action': action.value,
      onclick: () => { result = action.value; dialog.close(); },
    }, action.label));
    bar.append(...buttons, h('button', { type: 'button', onclick: () => dialog.close() }, cancelLabel));
    dialog.addEventListener('close', () => {
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    }, { once: true });
    dialog.showModal();
    (focus || buttons[buttons.length - 1] || bar.lastChild).focus();
  });
}

/** Asks before an operation that changes data; resolves true only for an explicit yes. */
export async function confirmAction(title, message, label, danger = true) {
  const choice = await openDialog({
    title, body: h('p', {}, message), actions: [{ label, value: 'yes', kind: danger ? 'danger' : 'primary' }],
  });
  return choice === 'yes';
}

/** Shows a one-time secret (a new API key) in a read-only field the user can select and copy. */
export function showSecret(title, message, secret) {
  const input = h('input', { type: 'text', readonly: true, value: secret, class: 'secret', 'aria-label': title });
  input.addEventListener('focus', () => input.select());
  return openDialog({ title, body: [h('p', {}, message), input], actions: [], focus: input, cancelLabel: 'Close' });
}
