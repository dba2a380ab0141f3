// A media item's pipeline progress as the Library shows it: what the item's run said when it was read, then every
// pushed run event applied on top. Events that arrive before their item is on the page are kept and applied later.

const STAGE_COUNT_DEFAULT = 10;

export class RunStates {
  constructor() {
    this.byMedia = new Map();
  }

  /** The state of one item; created from the REST item (with its run when it was read singly). */
  fromItem(item) {
    const state = this.byMedia.get(item.id) || newState();
    // a pushed event is newer than a list read before it, but events missed while the stream was down are not: a
    // finished status read from the API always wins (nothing moves a finished item back)
    const finished = ['completed', 'failed', 'cancelled'].includes(item.status);
    const keepPushed = state.pushed && !finished;
    state.status = keepPushed ? state.status : item.status;
    state.reason = keepPushed ? state.reason : item.status_reason;
    if (item.run && item.run.stages?.length) {
      state.total = item.run.stages.length;
      for (const stage of item.run.stages) {
        if (stage.status === 'succeeded') state.done.add(stage.stage);
      }
      state.stage = state.stage || item.run.current_stage;
    }
    this.byMedia.set(item.id, state);
    return state;
  }

  /** Applies one pushed event (RunEventView); answers the item's new state. */
  apply(event) {
    const state = this.byMedia.get(event.media_id) || newState();
    state.pushed++;
    if (event.kind === 'status') {
      state.status = mediaStatus(event.status);
      state.reason = event.reason;
      if (event.stage) state.stage = event.stage;
      if (event.status === 'completed') state.stage = null;
    } else if (event.kind === 'stage-completed' && event.stage) {
      state.done.add(event.stage);
      state.summary = event.summary;
      state.total = Math.max(state.total, event.stage_number || 0);
    }
    this.byMedia.set(event.media_id, state);
    return state;
  }

  get(mediaId) {
    return this.byMedia.get(mediaId);
  }
}

function newState() {
  return {status: 'pending', reason: null, stage: null, done: new Set(), total: STAGE_COUNT_DEFAULT, summary: null,
    pushed: 0};
}

/** The run's status as the media item's status (running -> processing), as api-service maps it. */
function mediaStatus(runStatus) {
  return runStatus === 'running' ? 'processing' : runStatus;
}

/** Stages done, for a progress bar: all of them once the run completed. */
export function stagesDone(state) {
  return state.status === 'completed' ? state.total : Math.min(state.done.size, state.total);
}

/** "stage 4 of 10: generate-clips", "10 of 10 stages", "failed at transcribe: reason". */
export function describe(state) {
  const done = Math.min(state.done.size, state.total);
  switch (state.status) {
    case 'completed':
      return `all ${state.total} stages done`;
    case 'failed':
      return `failed${state.stage ? ` at ${state.stage}` : ''}${state.reason ? `: ${state.reason}` : ''}`;
    case 'cancelled':
      return `cancelled after ${done} of ${state.total} stages`;
    case 'processing':
      return `stage ${Math.min(done + 1, state.total)} of ${state.total}${state.stage ? `: ${state.stage}` : ''}`;
    default:
      return 'waiting to start';
  }
}
