// Addresses for every page (History API): deep links, reloads, back and forward. Pages register a pattern
// relative to the app's base (/ui/ or /api/ui/ behind nginx) and a render function.

const routes = [];
let current = null;

/** register('lessons/:id', render): render(main, params, query) may return a cleanup function. */
export function register(pattern, render) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '/?$');
  routes.push({regex, names, render});
}

/** The path relative to the app's base: /api/ui/lessons/x -> lessons/x. */
function relativePath() {
  const base = new URL(document.baseURI).pathname;
  const path = location.pathname;
  return path.startsWith(base) ? decodeURIComponent(path.slice(base.length)) : '';
}

/** Shows the page for the current address. */
export function render(fallback) {
  if (current?.cleanup) current.cleanup();
  const path = relativePath();
  const main = document.getElementById('main');
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (match) {
      const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1]]));
      current = {cleanup: route.render(main, params, new URLSearchParams(location.search))};
      return;
    }
  }
  current = {cleanup: fallback(main, path)};
}

/** Goes to an address relative to the base ("lessons/<id>", "./?status=failed"), adding a history entry. */
export function navigate(relative, {replace = false} = {}) {
  const target = new URL(relative, document.baseURI);
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  window.dispatchEvent(new Event('app:navigate'));
}

/** The href for an address relative to the base, for real links (open in a new tab works). */
export function href(relative) {
  return new URL(relative, document.baseURI).pathname + new URL(relative, document.baseURI).search;
}
