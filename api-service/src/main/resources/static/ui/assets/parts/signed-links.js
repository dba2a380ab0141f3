// Signed links for elements that cannot send the key: the player's <video>, the frames' <img>, the clips' download
// links. Each is asked for once per lesson with the key and grants one kind of that lesson's files until it expires
// (MediaLinkController, docs/dashboard.md); a frame or clip link is a base to which the frame's or clip's id is added.
import {get} from '../api.js';

/** media_items/<id>, the id encoded: ids come from addresses and API answers, never trusted as path text. */
export const itemPath = mediaId => `media_items/${encodeURIComponent(mediaId)}`;

/** A promise of {url} or {problem}: it never rejects, so each section shows its own problem. */
function ask(mediaId, kind) {
  return get(`${itemPath(mediaId)}/${kind}_link`).then(link => ({url: link.url}), problem => ({problem}));
}

export const videoLink = mediaId => ask(mediaId, 'video');
export const frameLinkBase = mediaId => ask(mediaId, 'frame');
export const clipLinkBase = mediaId => ask(mediaId, 'clip');

/** The link of one frame or clip under a base the API gave (it ends with "/"). */
export function under(base, id) {
  return new URL(encodeURIComponent(id), base).href;
}
