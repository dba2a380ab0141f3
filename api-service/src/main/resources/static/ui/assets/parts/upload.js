// Adding lessons: a drop zone around a real file input (keyboard and screen readers use the input), a progress bar
// fed by the upload's progress events, and ingest of a file already under the server's ingest root.
import {ApiProblem, request, upload} from '../api.js';
import {bytes, h} from '../dom.js';

/** onAdded(mediaItem) after each successful upload or ingest. */
export function addLessonsPanel(onAdded) {
  const input = h('input', {id: 'upload-file', type: 'file', accept: 'video/*,audio/*', class: 'visually-hidden'});
  const progress = h('progress', {id: 'upload-progress', max: 100, value: 0, hidden: true,
    'aria-label': 'Upload progress'});
  const status = h('p', {id: 'upload-status', class: 'status-line', role: 'status', 'aria-live': 'polite'});
  const zone = h('div', {class: 'drop-zone', id: 'drop-zone'},
    h('p', {}, 'Drop a video here, or '),
    h('label', {for: 'upload-file', class: 'button'}, 'Choose a video to upload'),
    progress, status);

  async function send(file) {
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Uploading ${file.name} (${bytes(file.size)})…`;
    try {
      const item = await upload(file, (sent, total) => {
        progress.value = Math.round(sent / total * 100);
        status.textContent = `Uploading ${file.name}: ${bytes(sent)} of ${bytes(total)}`;
      });
      progress.value = 100;
      status.textContent = `${file.name} uploaded: its pipeline run has started.`;
      onAdded(item);
    } catch (problem) {
      status.textContent = `Upload of ${file.name} failed. ${problem instanceof ApiProblem ? problem.message : problem}`;
    } finally {
      input.value = '';
    }
  }

  input.addEventListener('change', () => {
    for (const file of input.files) send(file);
  });
  zone.addEventListener('dragover', event => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    for (const file of event.dataTransfer.files) send(file);
  });

  const path = h('input', {id: 'ingest-path', name: 'video_path', type: 'text', required: true,
    placeholder: 'lessons/rsi.mp4', 'aria-describedby': 'ingest-help'});
  const ingestStatus = h('p', {class: 'status-line', role: 'status', 'aria-live': 'polite'});
  const ingest = h('form', {class: 'ingest-form'},
    h('label', {for: 'ingest-path'}, 'Ingest a file on the server'),
    h('div', {class: 'row'}, path, h('button', {type: 'submit'}, 'Ingest')),
    h('p', {id: 'ingest-help', class: 'help'}, 'A path under the server’s ingest root (INGEST_ROOT).'),
    ingestStatus);
  ingest.addEventListener('submit', async event => {
    event.preventDefault();
    ingestStatus.textContent = 'Ingesting…';
    try {
      const item = await request('ingest', {method: 'POST', json: {video_path: path.value.trim()}});
      ingestStatus.textContent = `${item.filename} ingested.`;
      path.value = '';
      onAdded(item);
    } catch (problem) {
      ingestStatus.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
    }
  });

  return h('section', {class: 'card add-lessons', 'aria-labelledby': 'add-title'},
    h('h2', {id: 'add-title'}, 'Add lessons'), zone, input, ingest);
}
