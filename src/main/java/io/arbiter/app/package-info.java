/**
 * The application: {@code Main} and its command-line verbs, configuration loading and validation,
 * and the wiring that starts a node (grid member, services, verticles) and stops it cleanly. On a
 * cluster, {@code ClusterWiring} adds the clustered event bus and {@code OwnedArbitration}: one
 * decider per platform, takeover when a member dies, refusal on the minority side of a split.
 */
package io.arbiter.app;
