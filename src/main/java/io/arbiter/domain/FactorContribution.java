package io.arbiter.domain;

/** One line of a score's explanation: a factor, its weight and what it added. */
public record FactorContribution(String name, double raw, double normalized, double weight, double contribution) {
}
