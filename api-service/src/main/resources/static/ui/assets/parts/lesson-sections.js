// The Lesson page's sections below the player: keyword timeline, clips, concepts, strategies (frames and features
// have modules of their own). Each reads its own endpoint and shows its own problem in words, so one missing stage
// does not blank the page.
import {ApiProblem, get} from '../api.js';
import {bytes, clock, h, replace, words} from '../dom.js';
import {itemPath, under} from './signed-links.js';

export const CATEGORIES = ['technical_indicator', 'price_action', 'risk_management', 'order_type',
  'market_condition', 'strategy_type', 'timeframe', 'chart_pattern', 'candlestick'];

function section(id, title, ...children) {
  return h('section', {class: 'card', id, 'aria-labelledby': `${id}-title`}, h('h2', {id: `${id}-title`}, title),
    ...children);
}

function failed(container, problem) {
  replace(container, h('p', {class: 'help'}, problem instanceof ApiProblem ? problem.message : String(problem)));
}

function timeButton(seconds, seek, what) {
  return h('button', {type: 'button', class: 'time-button', onclick: () => seek(seconds),
    'aria-label': `Play ${what} at ${clock(seconds)}`}, clock(seconds));
}

/** Markers along the lesson's length, one colour per category, each a button that seeks. */
export function keywordTimeline(mediaId, duration, seek) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const page = await get('keywords', {media_id: mediaId, limit: 200});
      const length = Math.max(duration() || 0, ...page.items.map(hit => hit.end), 1);
      const used = CATEGORIES.filter(category => page.items.some(hit => hit.category === category));
      replace(body,
        page.items.length === 0 ? h('p', {class: 'help'}, 'No trading keywords were found.') : [
          h('div', {class: 'timeline', role: 'group', 'aria-label': 'Keywords along the lesson'},
            page.items.map(hit => h('button', {type: 'button',
              class: `marker cat-${CATEGORIES.indexOf(hit.category)}`,
              style: null, 'data-left': (hit.start / length * 100).toFixed(2),
              title: `${hit.keyword} (${words(hit.category)}) at ${clock(hit.start)}`,
              'aria-label': `${hit.keyword}, ${words(hit.category)}, at ${clock(hit.start)}`,
              onclick: () => seek(hit.start)}))),
          h('ul', {class: 'legend'}, used.map(category => h('li', {},
            h('span', {class: `swatch cat-${CATEGORIES.indexOf(category)}`, 'aria-hidden': 'true'}),
            `${words(category)} (${page.items.filter(hit => hit.category === category).length})`))),
          h('p', {class: 'help'}, `${page.total} keyword mentions${page.total > page.items.length
            ? `, the first ${page.items.length} shown` : ''}.`)]);
      // positions are set through the CSSOM: the page's policy allows no inline style attributes
      for (const marker of body.querySelectorAll('.marker')) marker.style.left = `${marker.dataset.left}%`;
    } catch (problem) {
      failed(body, problem);
    }
  })();
  return section('keywords', 'Keyword timeline', body);
}

/**
 * Each clip plays in place (the lesson's video limited to the clip's stretch, a media fragment) and offers its
 * file to download through a signed clip link (the download endpoint needs the key; a link cannot send it). The
 * file is saved under the name the API gives (Content-Disposition). videoLink: a promise of {url} or {problem};
 * clipLink: a function giving one, asked again when the link is about to expire (signed-links.js).
 */
export function clips(mediaId, videoLink, clipLink, seek) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const [page, video, download] = await Promise.all([get('clips', {media_id: mediaId, limit: 50}), videoLink,
        clipLink()]);
      replace(body, page.items.length === 0 ? h('p', {class: 'help'}, 'No clips were cut from this lesson.') : [
        download.problem ? h('p', {class: 'help'}, `Clips cannot be downloaded: ${download.problem instanceof
          ApiProblem ? download.problem.message : download.problem}`) : null,
        h('ul', {class: 'clip-list'}, page.items.map(clip => h('li', {class: 'clip', 'data-clip-id': clip.id},
          video.url ? h('video', {controls: true, preload: 'none', src: `${video.url}#t=${clip.start},${clip.end}`,
            'aria-label': `Clip ${clip.seq}: ${clock(clip.start)} to ${clock(clip.end)}`}) : null,
          h('p', {}, h('strong', {}, `Clip ${clip.seq}`), ' ', timeButton(clip.start, seek, `clip ${clip.seq}`),
            ` – ${clock(clip.end)} · ${clip.keywords.join(', ')}`),
          clip.transcript_excerpt ? h('p', {class: 'excerpt'}, clip.transcript_excerpt) : null,
          download.url ? h('p', {}, h('a', {class: 'button clip-download', href: under(download.url, clip.id),
            download: true, type: 'video/mp4', onclick: event => downloadFresh(event, clipLink, clip.id)},
          `Download clip ${clip.seq} (${bytes(clip.size_bytes)})`)) : null)))]);
    } catch (problem) {
      failed(body, problem);
    }
  })();
  return section('clips', 'Clips', body);
}

/** A click on a download link whose signed link is about to expire follows a fresh one instead. */
async function downloadFresh(event, clipLink, clipId) {
  const anchor = event.currentTarget;
  event.preventDefault();
  const link = await clipLink();
  if (link.url) {
    anchor.href = under(link.url, clipId);
    location.assign(anchor.href);
  } else {
    anchor.replaceWith(h('span', {class: 'form-error'}, `The clip cannot be downloaded: ${link.problem instanceof
      ApiProblem ? link.problem.message : link.problem}`));
  }
}

/** What the lesson states, in the strategy language where it has a form, with the words it came from. */
export function concepts(mediaId, seek) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const list = await get(`${itemPath(mediaId)}/concepts`);
      replace(body, list.items.length === 0 ? h('p', {class: 'help'}, 'No concepts were extracted.')
        : h('ul', {class: 'concept-list'}, list.items.map(concept => h('li', {},
          h('p', {}, h('span', {class: 'kind'}, words(concept.kind)), ' ', h('strong', {}, concept.name), ' ',
            timeButton(concept.start, seek, concept.name)),
          concept.text_form ? h('p', {}, h('code', {}, concept.text_form)) : null,
          concept.quote ? h('blockquote', {}, `“${concept.quote}”`) : null))));
    } catch (problem) {
      failed(body, problem);
    }
  })();
  return section('concepts', 'Concepts', body);
}

/** The candidates this lesson produced, with stage 10's decision. */
export function strategies(mediaId) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const page = await get('strategies', {media_id: mediaId, limit: 50});
      replace(body, page.items.length === 0 ? h('p', {class: 'help'}, 'No strategy came from this lesson (yet).')
        : h('ul', {class: 'strategy-list'}, page.items.map(strategy => h('li', {},
          h('p', {}, h('strong', {}, strategy.name), ' ',
            h('span', {class: `badge badge-${strategy.decision || 'pending'}`}, strategy.decision || 'undecided')),
          h('p', {}, h('code', {}, strategy.text)),
          strategy.out_of_sample_sharpe === null || strategy.out_of_sample_sharpe === undefined ? null
            : h('p', {class: 'help'}, `Out-of-sample Sharpe ${strategy.out_of_sample_sharpe.toFixed(2)}`
              + (strategy.deflated_sharpe == null ? '' : `, deflated Sharpe ${strategy.deflated_sharpe.toFixed(2)}`))))));
    } catch (problem) {
      failed(body, problem);
    }
  })();
  return section('strategies', 'Strategies from this lesson', body);
}
