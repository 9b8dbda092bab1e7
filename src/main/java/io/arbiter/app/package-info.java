/**
 * The application: {@code Main} and its command-line verbs ({@code serve}, {@code store},
 * {@code validate}, {@code test}), configuration loading and validation (a cluster member must
 * share the durable store: {@code SharedStore}), and the wiring that starts a node (grid member,
 * services, verticles) and stops it cleanly. On a cluster, {@code ClusterWiring} adds the clustered
 * event bus and {@code OwnedArbitration}: one decider per platform, takeover when a member dies
 * (of the actions no live member has claimed), refusal on the minority side of a split.
 */
package io.arbiter.app;
