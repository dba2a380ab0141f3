// The one client of the REST API: the key, every request, problems as errors, uploads and the live event stream.

const KEY = 'tradingedu.apiKey';

/** The API sits next to the dashboard: /ui/ -> /, and behind nginx /api/ui/ -> /api/. */
export const apiRoot = new URL('../', document.baseURI);

/** An RFC 9457 problem the API answered (or one made up here when it answered none), in words. */
export class ApiProblem extends Error {
  constructor(status, title, detail, retryAfter, body = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
    // the problem's own members beyond the standard ones (field, problems, ...)
    this.body = body;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

/** Kept for this tab only (sessionStorage): closing the tab forgets it. */
export function rememberKey(key) {
  sessionStorage.setItem(KEY, key.trim());
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/** Listeners for a refused credential (401) or scope (403): the app shows the words and the sign-in. */
const refusalListeners = new Set();
export function onRefused(listener) {
  refusalListeners.add(listener);
}

function url(path, query) {
  const target = new URL(path.replace(/^\//, ''), apiRoot);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') target.searchParams.set(name, value);
  }
  return target;
}

function headers(extra = {}) {
  const key = apiKey();
  return key ? {Authorization: `Bearer ${key}`, ...extra} : extra;
}

async function problemOf(response) {
  let title = response.statusText || `HTTP ${response.status}`;
  let detail = '';
  let body = {};
  try {
    body = await response.json();
    title = body.title || title;
    detail = body.detail || '';
  } catch {
    // not a problem document (a proxy's page): the status line is all there is
  }
  return new ApiProblem(response.status, title, detail, Number(response.headers.get('Retry-After')) || undefined,
    body && typeof body === 'object' ? body : {});
}

function refused(problem) {
  if (problem.status === 401 || problem.status === 403) {
    refusalListeners.forEach(listener => listener(problem));
  }
  return problem;
}

/** JSON in, JSON out; a problem answer is thrown as an ApiProblem. */
export async function request(path, {method = 'GET', query, json, signal, silent = false} = {}) {
  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      signal,
      headers: headers(json === undefined ? {Accept: 'application/json'}
        : {Accept: 'application/json', 'Content-Type': 'application/json'}),
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'The API cannot be reached', 'check the connection and that api-service is running');
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw silent ? problem : refused(problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, query, signal) => request(path, {query, signal});

/** Whether the kept key is accepted; a refusal is thrown without telling the refusal listeners. */
export const checkKey = () => request('media_items', {query: {limit: 1}, silent: true});

/**
 * Uploads a video as multipart (field "file") with XMLHttpRequest, the one browser API that reports upload progress.
 * onProgress(sentBytes, totalBytes). Resolves to the media item.
 */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url('media_items'));
    for (const [name, value] of Object.entries(headers({Accept: 'application/json'}))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', event => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // a non-JSON answer is described by its status below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(refused(new ApiProblem(xhr.status, body?.title || `HTTP ${xhr.status}`, body?.detail || '')));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiProblem(0, 'The upload failed',
      'the connection broke off; check the connection and try again')));
    xhr.addEventListener('abort', () => reject(new ApiProblem(0, 'The upload was cancelled', '')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Follows a text/event-stream with fetch (an EventSource cannot send the bearer header), parsing its frames and
 * reconnecting when it ends: at once after a normal end (the server ends streams after a while), after Retry-After
 * when the server is full, with a growing pause after failures. onEvent({event, id, data}); onState('live' |
 * 'reconnecting' | 'stopped', problem?). Returns a function that stops it.
 */
export function followEvents(path, onEvent, onState = () => {}) {
  const stop = new AbortController();
  let failures = 0;
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  (async () => {
    while (!stop.signal.aborted) {
      let waitMs = 0;
      try {
        const response = await fetch(url(path), {
          headers: headers({Accept: 'text/event-stream, application/problem+json'}), signal: stop.signal,
        });
        if (!response.ok) {
          const problem = refused(await problemOf(response));
          if (problem.status === 401 || problem.status === 403) {
            onState('stopped', problem);
            return;
          }
          throw problem;
        }
        failures = 0;
        onState('live');
        await readFrames(response.body, onEvent);
      } catch (error) {
        if (stop.signal.aborted) return;
        failures++;
        waitMs = error instanceof ApiProblem && error.retryAfter ? error.retryAfter * 1000
          : Math.min(30000, 1000 * 2 ** Math.min(failures, 5));
        onState('reconnecting', error instanceof ApiProblem ? error : undefined);
      }
      if (!stop.signal.aborted) await pause(waitMs);
    }
  })();
  return () => stop.abort();
}

async function readFrames(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message = {event: 'message', id: '', data: []};
      for (const line of frame.split('\n')) {
        if (line.startsWith(':') || line === '') continue; // a comment: the heartbeat
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') message.event = value;
        else if (field === 'id') message.id = value;
        else if (field === 'data') message.data.push(value);
      }
      if (message.data.length > 0) onEvent({...message, data: message.data.join('\n')});
    }
  }
}
