/**
 * Arbitration: turning a contention on a platform into a decision — which instances give way, in
 * which order, and by how much the need is not met. Pure functions of their inputs (time passed in),
 * so that every path is testable without a server.
 */
package io.arbiter.arbitration;
