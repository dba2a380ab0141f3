// Builds DOM nodes from data without ever parsing it as HTML: text from the API is always text.

/**
 * h('a', {href: '#', class: 'x', onclick: fn}, 'text', child, [more]) -> element.
 * Attributes starting with "on" become listeners; false/null/undefined attributes and children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** 75.4 -> "1:15"; 3725 -> "1:02:05". */
export function clock(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** 1536000 -> "1.5 MB". */
export function bytes(count) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Number(count) || 0;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** An ISO instant in the reader's locale, or "" when absent. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

/** "technical_indicator" -> "technical indicator". */
export function words(slug) {
  return String(slug ?? '').replaceAll('_', ' ').replaceAll('-', ' ');
}
