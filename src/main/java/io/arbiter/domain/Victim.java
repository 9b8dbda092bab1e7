package io.arbiter.domain;

/** An instance chosen to give way, with its client's score and why it was chosen. */
public record Victim(Instance instance, double cvs, String reason) {
}
