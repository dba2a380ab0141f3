// Sign-in: paste an API key (stack.sh key create NAME read,write); it is checked against the API before it is kept.
import {ApiProblem, checkKey, forgetKey, rememberKey} from '../api.js';
import {h, replace} from '../dom.js';

export function renderSignIn(main, signedIn) {
  const input = h('input', {
    id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'api-key-help sign-in-error',
  });
  const error = h('p', {id: 'sign-in-error', class: 'form-error', role: 'alert'});
  const submit = h('button', {type: 'submit', class: 'primary'}, 'Sign in');
  const form = h('form', {class: 'card sign-in', 'aria-labelledby': 'sign-in-title'},
    h('h1', {id: 'sign-in-title'}, 'Sign in'),
    h('label', {for: 'api-key'}, 'API key'),
    input,
    h('p', {id: 'api-key-help', class: 'help'},
      'A key made with ', h('code', {}, 'deploy/local/stack.sh key create NAME read,write'),
      ' (or by an admin through /admin/api_keys). It is kept in this tab only and sent with every request.'),
    error,
    submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      error.textContent = 'Paste an API key first.';
      return;
    }
    submit.disabled = true;
    error.textContent = 'Checking the key…';
    rememberKey(key);
    try {
      await checkKey();
      signedIn();
    } catch (problem) {
      forgetKey();
      error.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
      submit.disabled = false;
      input.focus();
    }
  });
  replace(main, form);
  input.focus();
}
