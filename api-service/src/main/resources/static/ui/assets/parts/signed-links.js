// Signed links for elements that cannot send the key: the player's <video>, the frames' <img>, the clips' download
// links. Each is asked for once per lesson with the key and grants one kind of that lesson's files until it expires
// (MediaLinkController, docs/dashboard.md); a frame or clip link is a base to which the frame's or clip's id is added.
import {get} from '../api.js';

/** media_items/<id>, the id encoded: ids come from addresses and API answers, never trusted as path text. */
export const itemPath = mediaId => `media_items/${encodeURIComponent(mediaId)}`;

// a link this close to its expiry is asked for again before it is used
const RENEW_BEFORE_MS = 60 * 1000;

/** A promise of {url, expiresAt} or {problem}: it never rejects, so each section shows its own problem. */
function ask(mediaId, kind) {
  return get(`${itemPath(mediaId)}/${kind}_link`).then(
    link => ({url: link.url, expiresAt: Date.parse(link.expires_at) || Infinity}), problem => ({problem}));
}

export const videoLink = mediaId => ask(mediaId, 'video');

/**
 * A frame or clip link that is asked for again when it is about to expire (a lesson may stay open longer than a
 * link lives: DASHBOARD_MEDIA_LINK_TTL). current() -> promise of {url} or {problem}; current({renew: true}) asks
 * again whatever the expiry (an image whose link was refused).
 */
function renewing(mediaId, kind) {
  let pending = ask(mediaId, kind);
  return async ({renew = false} = {}) => {
    const answer = await pending;
    if (renew || (answer.url && answer.expiresAt - Date.now() < RENEW_BEFORE_MS)) {
      pending = ask(mediaId, kind);
      return pending;
    }
    return answer;
  };
}

export const frameLinkBase = mediaId => renewing(mediaId, 'frame');
export const clipLinkBase = mediaId => renewing(mediaId, 'clip');

/** The link of one frame or clip under a base the API gave (it ends with "/"). */
export function under(base, id) {
  return new URL(encodeURIComponent(id), base).href;
}
