package io.tradingedu.api.features;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.media.MediaItem;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.run.RunProgressReader;
import io.tradingedu.api.support.NotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Features", description = "The per-video features stage 7 computed from stages 2–6")
class FeatureController {

    private final MediaService media;
    private final FeatureReader features;
    private final RunProgressReader runs;

    FeatureController(MediaService media, FeatureReader features, RunProgressReader runs) {
        this.media = media;
        this.features = features;
        this.runs = runs;
    }

    @GetMapping("/media_items/{id}/features")
    @Operation(summary = "A media item's features with their version",
            description = "Every feature of the version (docs/features.md), each a number, text, boolean or null; "
                    + "a null is explained in 'notes'. 404 when the item is unknown or has no features yet (the "
                    + "detail says where its run is).")
    FeatureSet features(@PathVariable UUID id) {
        MediaItem item = media.get(id);
        return features.find(id).orElseThrow(() -> new NotFoundException("features",
                "no features yet for media " + id + ": " + runs.read(item.getRunId()).describe()));
    }
}
