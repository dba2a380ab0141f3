package io.tradingedu.orchestrator.processvideo.frames;

import java.nio.file.Path;

/**
 * One frame kept from a video, written as a JPEG.
 *
 * @param timeSeconds where in the video the frame is
 * @param image       the JPEG file
 * @param width       of the JPEG, in pixels
 * @param height      of the JPEG, in pixels
 * @param selection   {@value #SCENE} (a scene change, or the opening frame) or {@value #INTERVAL} (fixed-interval top-up)
 */
public record SampledFrame(double timeSeconds, Path image, int width, int height, String selection) {

    public static final String SCENE = "scene";
    public static final String INTERVAL = "interval";
}
