// Boots the dashboard: the sign-in gate, the pages' routes, in-app links, and problems shown in words.
import {apiKey, forgetKey, onRefused} from './api.js';
import {register, render, navigate} from './router.js';
import {h, replace} from './dom.js';
import {renderSignIn} from './pages/signin.js';
import {renderLibrary} from './pages/library.js';
import {renderLesson} from './pages/lesson.js';
import {renderSearch} from './pages/search.js';
import {renderStats} from './pages/stats.js';
import {renderStrategies} from './pages/strategies.js';
import {renderStrategy} from './pages/strategy.js';
import {renderPlayground} from './pages/playground.js';

// One line per page (docs/dashboard.md).
register('', renderLibrary);
register('lessons/:id', renderLesson);
register('search', renderSearch);
register('stats', renderStats);
register('strategies', renderStrategies);
register('strategies/:id', renderStrategy);
register('playground', renderPlayground);

const notice = document.getElementById('notice');

/** Shows a message (a problem in words) above the page until the next navigation or dismissal. */
export function showNotice(text, {kind = 'error'} = {}) {
  notice.className = `notice notice-${kind}`;
  replace(notice, h('span', {}, text),
    h('button', {type: 'button', class: 'link-button', onclick: hideNotice}, 'Dismiss'));
  notice.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
  replace(notice);
}

function notFound(main, path) {
  replace(main, h('h1', {}, 'Page not found'),
    h('p', {}, `Nothing lives at “${path}”. `, h('a', {href: './', 'data-nav': true}, 'Go to the library.')));
}

function show() {
  const signedIn = Boolean(apiKey());
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? 'Signed in with an API key' : '';
  for (const link of document.querySelectorAll('#nav a[data-page]')) {
    const active = link.dataset.page === currentPage();
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!signedIn) {
    renderSignIn(document.getElementById('main'), show);
    return;
  }
  render(notFound);
  document.getElementById('main').focus({preventScroll: true});
}

function currentPage() {
  const base = new URL(document.baseURI).pathname;
  const path = location.pathname.slice(base.length);
  return path === '' ? 'library' : path.split('/')[0];
}

// 401: the key is unknown or revoked: forget it and ask again. 403: a key without the scope: say so, keep it.
onRefused(problem => {
  if (problem.status === 401) {
    forgetKey();
    show();
    showNotice(`${problem.title}: ${problem.detail || 'the key was refused'}. Sign in with a valid key.`);
  } else {
    showNotice(`${problem.title}: ${problem.detail || 'this key may not do that'}.`);
  }
});

// In-app links change the address without reloading; modified clicks (new tab) keep the browser's behaviour.
document.addEventListener('click', event => {
  const link = event.target.closest('a[data-nav]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(link.getAttribute('href'));
});

document.getElementById('sign-out').addEventListener('click', () => {
  forgetKey();
  hideNotice();
  show();
});

window.addEventListener('popstate', () => {
  hideNotice();
  show();
});
window.addEventListener('app:navigate', () => {
  hideNotice();
  show();
});

show();
