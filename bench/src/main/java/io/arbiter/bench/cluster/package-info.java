/**
 * Ingestion and decision latency on a cluster of three member JVMs next to one member, in the
 * same run: {@code bin/bench io.arbiter.bench.cluster.ClusterBench}.
 */
package io.arbiter.bench.cluster;
