// The Playground's editor: a plain textarea for the compact strategy text with a line-number gutter, checked by the
// API as one types (POST /playground/check, debounced), every problem shown at its line in the gutter and listed
// below with its line and column (a click puts the caret there).
import {request} from '../api.js';
import {h, replace} from '../dom.js';

const CHECK_DELAY_MS = 400;
// where the server's parser ends a line (Java's \R): a pasted U+2028 or form feed starts a line there too, so the
// gutter's numbers and the caret agree with the line numbers the API answers
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * editor(initialText, onChecked) -> {element, text(), check(), remove()}. onChecked(check) gets the API's answer
 * ({valid, problems, sweepable, normalized}) after every change; a refusal of the check itself (an empty or
 * over-long text) arrives as {valid: false, problems: [{message}]}.
 */
export function strategyEditor(initialText, onChecked) {
  const gutter = h('ol', {class: 'gutter', 'aria-hidden': 'true'});
  const area = h('textarea', {id: 'strategy-text', class: 'editor-text', rows: '12', spellcheck: 'false',
    autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': 'strategy-help strategy-problems'});
  area.value = initialText;
  const problems = h('ul', {id: 'strategy-problems', class: 'problem-list', 'aria-live': 'polite'});
  const state = h('p', {id: 'strategy-state', class: 'help', 'aria-live': 'polite'});
  const element = h('div', {class: 'editor'},
    h('label', {for: 'strategy-text'}, 'Strategy (compact text)'),
    h('p', {id: 'strategy-help', class: 'help'}, 'One “key: value” per line: name, direction, entry, exit, ',
      'stop_loss, take_profit, trailing_stop, max_bars, size, commission_bps, slippage_bps; # starts a comment.'),
    h('div', {class: 'editor-box'}, gutter, area), state, problems);

  let timer = null;
  let asked = 0;
  let lastCheck = null;

  area.addEventListener('input', () => {
    numberLines([]);
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  });
  area.addEventListener('scroll', () => {
    gutter.scrollTop = area.scrollTop;
  });

  function numberLines(problemLines) {
    const count = area.value.split(LINE_BREAK).length;
    const marked = new Set(problemLines);
    replace(gutter, Array.from({length: count}, (_, i) => h('li', {
      class: marked.has(i + 1) ? 'gutter-line has-problem' : 'gutter-line', 'data-line': String(i + 1)},
    marked.has(i + 1) ? `⚠ ${i + 1}` : String(i + 1))));
    gutter.scrollTop = area.scrollTop;
  }

  async function check() {
    const mine = ++asked;
    state.textContent = 'Checking…';
    let answer;
    try {
      answer = await request('playground/check', {method: 'POST', json: {text: area.value}});
    } catch (problem) {
      answer = {valid: false, problems: [{message: problem.detail || problem.message}], sweepable: []};
    }
    if (mine !== asked) return lastCheck;
    show(answer);
    lastCheck = answer;
    onChecked(answer);
    return answer;
  }

  function show(answer) {
    const list = answer.problems || [];
    numberLines(list.map(problem => problem.line).filter(Boolean));
    area.setAttribute('aria-invalid', String(!answer.valid));
    state.textContent = answer.valid ? 'The strategy can be tested.'
      : `${list.length} problem${list.length === 1 ? '' : 's'} to fix before it can be tested:`;
    state.className = answer.valid ? 'help state-valid' : 'help form-error';
    replace(problems, list.map(problem => h('li', {class: 'problem', 'data-line': problem.line ?? '',
      'data-column': problem.column ?? ''},
    problem.line ? h('button', {type: 'button', class: 'link-button problem-at',
      onclick: () => caretAt(problem.line, problem.column)}, `Line ${problem.line}, column ${problem.column}`)
      : h('span', {class: 'problem-at'}, 'The strategy'), ': ', problem.message)));
  }

  /** Selects the character at line:column (1-based) and focuses the text. */
  function caretAt(line, column) {
    const text = area.value;
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let i = 1; i < line; i++) {
      const found = LINE_BREAK.exec(text);
      if (!found) break;
      start = found.index + found[0].length;
    }
    LINE_BREAK.lastIndex = 0;
    const rest = text.slice(start).split(LINE_BREAK)[0];
    const offset = start + Math.max(0, Math.min((column || 1) - 1, rest.length));
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
  }

  numberLines([]);
  return {
    element,
    text: () => area.value,
    check,
    /** Shows problems the API answered elsewhere (a refused backtest) the same way. */
    showProblems: list => show({valid: false, problems: list}),
    remove: () => clearTimeout(timer),
  };
}
