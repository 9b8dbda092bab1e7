/**
 * The cut-over benchmark: migrations of live simulated services under request load through the
 * built-in router, measuring how long clients go without an answer while a service moves.
 */
package io.arbiter.bench.migration;
