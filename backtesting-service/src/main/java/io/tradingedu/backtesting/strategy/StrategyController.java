package io.tradingedu.backtesting.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.backtesting.support.PageView;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategySchema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/strategies")
@Validated
@Tag(name = "Strategies", description = "Trading strategies in the strategy language, version 1")
class StrategyController {

    private final StrategyCatalog catalog;

    StrategyController(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a strategy written as JSON", description = "Validated against the language "
            + "(GET /strategies/schema); 400 lists every problem with its path.")
    ResponseEntity<StrategyView> createFromJson(@RequestBody JsonNode strategy) {
        return created(catalog.add(StrategyJson.fromTree(strategy), null));
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Store a strategy written in the compact text form",
            description = "One 'key: value' per line, e.g. 'entry: SMA(50) crosses above SMA(200)'; 400 names the "
                    + "line and column of a syntax error.")
    ResponseEntity<StrategyView> createFromText(@RequestBody String text) {
        return created(catalog.addText(text));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One strategy")
    StrategyView get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @GetMapping
    @Operation(summary = "Strategies, newest first")
    PageView<StrategyView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageView.of(catalog.list(page, size));
    }

    @GetMapping(value = "/schema", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "JSON Schema of the strategy language, version 1")
    JsonNode schema() {
        return StrategySchema.json();
    }

    private static ResponseEntity<StrategyView> created(StrategyView view) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/strategies/{id}").buildAndExpand(view.id()).toUri()).body(view);
    }
}
