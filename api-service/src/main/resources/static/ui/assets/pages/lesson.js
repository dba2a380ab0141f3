// Lesson (lessons/<id>?t=SECONDS): the video with its transcript, the keyword timeline, clips (in place and to
// download), concepts, strategies, features and the key frames with their images and on-screen text.
import {ApiProblem, get} from '../api.js';
import {h, replace, when} from '../dom.js';
import {href} from '../router.js';
import {playerWithTranscript} from '../parts/player.js';
import {clips, concepts, keywordTimeline, strategies} from '../parts/lesson-sections.js';
import {features} from '../parts/lesson-features.js';
import {frames} from '../parts/lesson-frames.js';
import {clipLinkBase, itemPath, videoLink} from '../parts/signed-links.js';

/** ?t=SECONDS (a search hit's moment): the player starts there. */
export function renderLesson(main, {id}, query) {
  const player = playerWithTranscript(id);
  const start = Number(query.get('t'));
  if (query.has('t') && Number.isFinite(start) && start >= 0) player.startAt(start);
  const heading = h('h1', {}, 'Lesson');
  const meta = h('p', {class: 'help'});
  let item = null;
  const video = videoLink(id);
  replace(main,
    h('p', {}, h('a', {href: href('./'), 'data-nav': true}, '← Library')),
    h('div', {class: 'page-head'}, heading, meta),
    player.element,
    keywordTimeline(id, () => item?.duration_seconds || player.video.duration, player.seek),
    clips(id, video, clipLinkBase(id), player.seek),
    concepts(id, player.seek),
    strategies(id),
    features(id),
    frames(id, player.seek));
  (async () => {
    try {
      item = await get(itemPath(id));
      document.title = `${item.filename} · Trading Education`;
      replace(heading, item.filename);
      replace(meta, h('span', {class: `badge badge-${item.status}`}, item.status),
        ` · added ${when(item.created_at)}`, item.status_reason ? ` · ${item.status_reason}` : '');
    } catch (problem) {
      replace(meta, problem instanceof ApiProblem ? problem.message : String(problem));
    }
  })();
  player.load(video);
  return () => {
    player.video.pause();
    player.video.removeAttribute('src');
    document.title = 'Trading Education';
  };
}
