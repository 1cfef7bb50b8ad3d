package io.aether.api.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projection operations: every streaming processor's state, replays of read models, and the
 * events projections parked in their dead-letter queues. GET /projections and
 * POST /projections/{name}/rebuild (SystemController) are aliases of the first two.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projection operations")
public class ProjectionAdminController {
    private final EventProcessors processors;
    private final DeadLetters deadLetters;

    public ProjectionAdminController(EventProcessors processors, DeadLetters deadLetters) {
        this.processors = processors;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    @Operation(
            summary = "Every event processor: position, lag, segment claims by node, state, last error, dead letters")
    public List<SystemResponses.ProcessorDetail> projections() {
        return processors.details();
    }

    @PostMapping("/projections/{name}/replay")
    @Operation(
            summary = "Clear a read model and rebuild it from the first event; 409 for a process manager",
            description = "Answers once the tables are cleared; GET /admin/projections shows the progress."
                    + " Other projections keep serving meanwhile.")
    public ResponseEntity<SystemResponses.ReplayStarted> replay(@PathVariable String name) {
        processors.rebuild(name);
        return ResponseEntity.accepted().body(new SystemResponses.ReplayStarted(name, "replaying"));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Parked events, by processing group, sequence and index (keyset paging: after = next_after)")
    public SystemResponses.DeadLetterPage deadLetters(
            @RequestParam(name = "processing_group", required = false) String processingGroup,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return deadLetters.list(processingGroup, limit, after);
    }

    @PostMapping("/dead-letters/{id}/retry")
    @Operation(
            summary = "Retry the letter's sequence (its aggregate's parked events, in order) on this node",
            description = "succeeded is true when every letter of the sequence was handled and removed;"
                    + " otherwise the first failing letter stays parked with its new cause.")
    public SystemResponses.DeadLetterRetry retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @DeleteMapping("/dead-letters/{id}")
    @Operation(summary = "Evict one dead letter: its event stays out of the read model until the next replay")
    public ResponseEntity<Void> evict(@PathVariable String id) {
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
