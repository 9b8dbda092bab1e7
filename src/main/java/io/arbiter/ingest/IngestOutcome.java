package io.arbiter.ingest;

import io.arbiter.domain.FieldError;
import io.arbiter.domain.IngestResult;

import java.util.List;

/** What became of one request or frame: all of it stored, or none of it, with the reasons. */
public sealed interface IngestOutcome {

    /** Every event was stored in the grid (or was a duplicate of one that was). */
    record Accepted(IngestResult result) implements IngestOutcome {
    }

    /** Nothing was applied; {@code errors} says which event, which field, and why. */
    record Rejected(List<FieldError> errors) implements IngestOutcome {
    }
}
