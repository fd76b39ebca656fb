// The key lives in sessionStorage only: it is gone when the tab closes, it is never in a URL (no history, no
// Referer, no server log) and never in a cookie (so no request carries it unless the console adds it itself).

const KEY = 'memoria.key';
const USER = 'memoria.user';
const MASTER = 'memoria.master';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  user: () => sessionStorage.getItem(USER) || '',
  isMaster: () => sessionStorage.getItem(MASTER) === 'true',
  save(key, user, master) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(USER, user || '');
    sessionStorage.setItem(MASTER, String(master));
  },
  setUser: (user) => sessionStorage.setItem(USER, user),
  clear() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(USER);
    sessionStorage.removeItem(MASTER);
  },
};
