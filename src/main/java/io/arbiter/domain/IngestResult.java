package io.arbiter.domain;

/** What became of a batch of valid events: how many were applied and how many were duplicates. */
public record IngestResult(int accepted, int duplicates) {
}
