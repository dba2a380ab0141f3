// The Lesson page's key frames: each image (through a signed frame link: an <img> cannot send the key), the moment
// it was taken (a button that seeks the player) and the text OCR read on it. A lesson may have hundreds of frames:
// they are added a batch at a time ("Show more"), and each image loads only when it nears the screen (lazy).
import {ApiProblem, get} from '../api.js';
import {clock, h, replace} from '../dom.js';
import {frameLinkBase, itemPath, under} from './signed-links.js';

const BATCH = 24;

function words(problem) {
  return problem instanceof ApiProblem ? problem.message : String(problem);
}

/** What the image shows in words: its text, or when it was taken. */
function altText(frame) {
  const text = frame.ocr_text?.trim();
  return text ? text : `frame at ${clock(frame.time)}`;
}

function frameCard(frame, base, seek) {
  const text = frame.ocr_text?.trim();
  const image = base ? h('img', {src: under(base, frame.id), alt: altText(frame), loading: 'lazy',
    decoding: 'async', width: frame.width || null, height: frame.height || null}) : null;
  const card = h('li', {class: 'frame-card', 'data-frame-id': frame.id, 'data-time': frame.time},
    h('figure', {},
      image,
      h('figcaption', {},
        h('button', {type: 'button', class: 'time-button', onclick: () => seek(frame.time),
          'aria-label': `Play from frame ${frame.seq} at ${clock(frame.time)}`}, clock(frame.time)),
        text ? h('span', {class: 'ocr'}, text) : h('span', {class: 'help'}, 'no text read on screen'))));
  image?.addEventListener('error', () => image.replaceWith(h('p', {class: 'help frame-missing'},
    'The image cannot be shown (the link may have expired: open the lesson again).')), {once: true});
  return card;
}

export function frames(mediaId, seek) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const [list, link] = await Promise.all([get(`${itemPath(mediaId)}/frames`), frameLinkBase(mediaId)]);
      if (list.items.length === 0) {
        replace(body, h('p', {class: 'help'}, 'No key frames were taken (yet).'));
        return;
      }
      const grid = h('ul', {class: 'frame-grid', id: 'frame-grid'});
      const summary = h('p', {class: 'help', role: 'status', 'aria-live': 'polite'});
      const more = h('button', {type: 'button', id: 'more-frames'});
      let shown = 0;
      const showMore = () => {
        const batch = list.items.slice(shown, shown + BATCH);
        grid.append(...batch.map(frame => frameCard(frame, link.url, seek)));
        shown += batch.length;
        const left = list.items.length - shown;
        summary.textContent = `${shown} of ${list.items.length} key frames shown`
          + (list.truncated ? ' (the lesson has more than the API lists)' : '') + '.';
        more.textContent = `Show ${Math.min(BATCH, left)} more frames (${left} left)`;
        more.hidden = left === 0;
      };
      more.addEventListener('click', () => {
        const firstNew = shown;
        showMore();
        // the button goes with the last batch: keep the keyboard where the new frames start
        if (more.hidden) grid.children[firstNew]?.querySelector('button')?.focus();
      });
      replace(body,
        link.problem ? h('p', {class: 'help'}, `The images cannot be shown: ${words(link.problem)}`) : null,
        grid, summary, more);
      showMore();
    } catch (problem) {
      replace(body, h('p', {class: 'help'}, words(problem)));
    }
  })();
  return h('section', {class: 'card', id: 'frames', 'aria-labelledby': 'frames-title'},
    h('h2', {id: 'frames-title'}, 'Key frames and on-screen text'), body);
}
