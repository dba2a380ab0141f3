package io.tradingedu.api.media;

import java.nio.file.Path;

/** A file written into the media root, with the digest computed while it streamed in. */
record StoredFile(Path path, String filename, String sha256, long sizeBytes) {
}
