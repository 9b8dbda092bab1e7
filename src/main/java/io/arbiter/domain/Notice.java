package io.arbiter.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the decision log records that is not a decision, such as a platform predicted to
 * contend before any contention arrives.
 *
 * @param kind what it is about, such as {@code contention-predicted}
 */
public record Notice(String noticeId, String platformId, String kind, Instant at, String message) {

    public Notice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
