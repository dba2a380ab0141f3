package io.tradingedu.api.media;

/** How a media item arrived: uploaded over HTTP, or ingested from a path under the ingest root. */
public enum MediaSource {
    UPLOAD, PATH
}
