// The live region under the header: results of actions and errors, read out by screen readers.
import { h, clear } from './dom.js';

export function notify(message, kind = 'ok') {
  const region = document.getElementById('status');
  clear(region).append(h('p', { class: `note ${kind}` }, message));
}

export function clearStatus() {
  clear(document.getElementById('status'));
}

/** The message of an API failure, with the server's error code when it sent one. */
export function describe(error) {
  return error.code ? `${error.message} (${error.status} ${error.code})` : error.message;
}

/** Runs an action, showing its failure in the status region instead of losing it in the console. */
export async function guarded(action) {
  try {
    return await action();
  } catch (error) {
    notify(describe(error), 'error');
    return undefined;
  }
}
