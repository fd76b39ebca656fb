// Every request the console makes goes through here: the bearer key from the session, the acting user for the
// master key, JSON in and out, and the server's {"detail", "code"} errors turned into exceptions.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** Raised before any request when the key was refused; app.js answers by showing the login form again. */
export const LOGGED_OUT = 'memoria:logged-out';

export function path(template, ...params) {
  return template.replace(/\{\}/g, () => encodeURIComponent(params.shift()));
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends one request. `key` and `user` override the session (the login form probes a key before saving it).
 * Returns {status, data, headers}; data is null for an empty body.
 */
export async function call(method, url, body, { key = session.key(), user, master = session.isMaster() } = {}) {
  // the console's own requests are not the user's use of Memoria: usage analytics leave them out
  const headers = { Accept: 'application/json', Authorization: `Bearer ${key}`, 'X-Memoria-Source': 'dashboard' };
  const actingUser = user ?? session.user();
  // only the master key acts for a named user; an API key always acts for its own
  if (master && actingUser) headers['X-User-Id'] = actingUser;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, 'network', `The server cannot be reached (${e.message})`);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data?.code, data?.detail || `HTTP ${response.status}`);
    if (response.status === 401 && key === session.key()) {
      session.clear();
      window.dispatchEvent(new CustomEvent(LOGGED_OUT, { detail: error.message }));
    }
    throw error;
  }
  return { status: response.status, data, headers: response.headers };
}

export const api = {
  get: (url, options) => call('GET', url, undefined, options).then((r) => r.data),
  post: (url, body, options) => call('POST', url, body ?? {}, options).then((r) => r.data),
  put: (url, body, options) => call('PUT', url, body ?? {}, options).then((r) => r.data),
  del: (url, options) => call('DELETE', url, undefined, options),
};
