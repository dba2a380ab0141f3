// The lesson's player and its transcript side by side: click a line to seek there; the line being spoken is marked
// (aria-current) and kept in view as the video plays. The video is played from a signed link (a player cannot send
// the key): GET /media_items/{id}/video_link, read by the page.
import {ApiProblem, get} from '../api.js';
import {clock, h, replace} from '../dom.js';

export function playerWithTranscript(mediaId) {
  const video = h('video', {id: 'player', controls: true, preload: 'metadata', playsinline: true,
    'aria-label': 'Lesson video'});
  const videoNote = h('p', {class: 'help', role: 'status'});
  const lines = h('ol', {class: 'transcript-lines', id: 'transcript-lines'});
  const transcriptNote = h('p', {class: 'help'});
  // a focusable scrolling region (keyboard users scroll it); the role lets it carry its label
  const scroller = h('div', {class: 'transcript-scroll', tabindex: '0', role: 'region',
    'aria-label': 'Transcript lines'}, lines);
  let segments = [];
  let currentIndex = -1;

  const element = h('div', {class: 'player-grid'},
    h('section', {class: 'card player-card', 'aria-labelledby': 'video-title'},
      h('h2', {id: 'video-title', class: 'visually-hidden'}, 'Video'), video, videoNote),
    h('section', {class: 'card transcript-card', 'aria-labelledby': 'transcript-title'},
      h('h2', {id: 'transcript-title'}, 'Transcript'), transcriptNote, scroller));

  /** Moves the player to a moment and plays from there. */
  function seek(seconds) {
    video.currentTime = seconds;
    video.play().catch(() => {
      // autoplay refused (no user gesture yet) or nothing decodable: the position is set all the same
    });
  }

  function follow() {
    const t = video.currentTime;
    const index = segments.findIndex(segment => t >= segment.start && t < segment.end);
    if (index === currentIndex) return;
    lines.children[currentIndex]?.querySelector('button')?.removeAttribute('aria-current');
    currentIndex = index;
    const button = lines.children[index]?.querySelector('button');
    if (button) {
      button.setAttribute('aria-current', 'true');
      // scroll the transcript only, never the page under the reader
      const top = button.offsetTop - scroller.offsetTop;
      if (top < scroller.scrollTop || top > scroller.scrollTop + scroller.clientHeight - button.offsetHeight) {
        scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
      }
    }
  }
  video.addEventListener('timeupdate', follow);
  video.addEventListener('seeked', follow);
  video.addEventListener('error', () => {
    videoNote.textContent = 'The video cannot be played here (the link may have expired: open the lesson again).';
  });

  /**
   * Puts the player at a moment once the video's metadata is known (setting it earlier is lost when the source
   * loads); it does not play by itself: browsers refuse autoplay with sound before a gesture.
   */
  function startAt(seconds) {
    const apply = () => {
      video.currentTime = Math.min(seconds, Number.isFinite(video.duration) ? video.duration : seconds);
    };
    if (video.readyState >= 1) apply();
    else video.addEventListener('loadedmetadata', apply, {once: true});
  }

  /** videoLink: a promise of {url} or {problem}, shared with the clips that play the same file. */
  async function load(videoLink) {
    const {url, problem} = await videoLink;
    if (url) video.src = url;
    else videoNote.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
    try {
      const transcript = await get(`transcript/${encodeURIComponent(mediaId)}`);
      segments = transcript.segments;
      transcriptNote.textContent = `${transcript.source.replaceAll('-', ' ')}, ${transcript.word_count} words`
        + (transcript.truncated ? ' (only the first part is shown)' : '');
      replace(lines, segments.map((segment, i) => h('li', {},
        h('button', {type: 'button', class: 'line', 'data-start': segment.start, 'data-index': i,
          onclick: () => seek(segment.start)},
        h('span', {class: 'time'}, clock(segment.start)), ' ', h('span', {class: 'text'}, segment.text)))));
    } catch (problem) {
      transcriptNote.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
    }
  }

  return {element, load, seek, startAt, video};
}
