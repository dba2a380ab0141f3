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

/**
 * frameCard(frame, base, link, seek): the image under the link base; link() gives a fresh base when an image is
 * refused (its link expired while the page stayed open), tried once per image.
 */
function frameCard(frame, base, link, seek) {
  const text = frame.ocr_text?.trim();
  // the caption beside it carries the on-screen text: the alt names the picture, not the text a second time
  const image = base ? h('img', {src: under(base, frame.id), alt: `Key frame ${frame.seq} at ${clock(frame.time)}`,
    loading: 'lazy', decoding: 'async', width: frame.width || null, height: frame.height || null}) : null;
  const card = h('li', {class: 'frame-card', 'data-frame-id': frame.id, 'data-time': frame.time},
    h('figure', {},
      image,
      h('figcaption', {},
        h('button', {type: 'button', class: 'time-button', onclick: () => seek(frame.time),
          'aria-label': `Play from frame ${frame.seq} at ${clock(frame.time)}`}, clock(frame.time)),
        text ? h('span', {class: 'ocr'}, text) : h('span', {class: 'help'}, 'no text read on screen'))));
  image?.addEventListener('error', async () => {
    const fresh = await link({renew: true});
    if (fresh.url) {
      image.addEventListener('error', () => image.replaceWith(h('p', {class: 'help frame-missing'},
        'The image cannot be shown.')), {once: true});
      image.src = under(fresh.url, frame.id);
    } else {
      image.replaceWith(h('p', {class: 'help frame-missing'}, `The image cannot be shown: ${words(fresh.problem)}`));
    }
  }, {once: true});
  return card;
}

export function frames(mediaId, seek) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const link = frameLinkBase(mediaId);
      const [list, first] = await Promise.all([get(`${itemPath(mediaId)}/frames`), link()]);
      if (list.items.length === 0) {
        replace(body, h('p', {class: 'help'}, 'No key frames were taken (yet).'));
        return;
      }
      const grid = h('ul', {class: 'frame-grid', id: 'frame-grid'});
      const summary = h('p', {class: 'help', role: 'status', 'aria-live': 'polite'});
      const more = h('button', {type: 'button', id: 'more-frames'});
      let shown = 0;
      const showMore = async () => {
        const batch = list.items.slice(shown, shown + BATCH);
        const base = (await link()).url;
        grid.append(...batch.map(frame => frameCard(frame, base, link, seek)));
        shown += batch.length;
        const left = list.items.length - shown;
        summary.textContent = `${shown} of ${list.items.length} key frames shown`
          + (list.truncated ? ' (the lesson has more than the API lists)' : '') + '.';
        more.textContent = `Show ${Math.min(BATCH, left)} more frames (${left} left)`;
        more.hidden = left === 0;
      };
      more.addEventListener('click', async () => {
        const firstNew = shown;
        await showMore();
        // the button goes with the last batch: keep the keyboard where the new frames start
        if (more.hidden) grid.children[firstNew]?.querySelector('button')?.focus();
      });
      replace(body,
        first.problem ? h('p', {class: 'help'}, `The images cannot be shown: ${words(first.problem)}`) : null,
        grid, summary, more);
      await showMore();
    } catch (problem) {
      replace(body, h('p', {class: 'help'}, words(problem)));
    }
  })();
  return h('section', {class: 'card', id: 'frames', 'aria-labelledby': 'frames-title'},
    h('h2', {id: 'frames-title'}, 'Key frames and on-screen text'), body);
}
