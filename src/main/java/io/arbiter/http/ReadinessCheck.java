package io.arbiter.http;

import java.util.function.BooleanSupplier;

/** One condition of {@code GET /ready}, such as "grid" (the member joined) or "rules" (compiled). */
public record ReadinessCheck(String name, BooleanSupplier ready) {
}
