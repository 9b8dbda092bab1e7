/**
 * The grid: the only package that imports Hazelcast. It starts the member, names the maps, keys
 * them so that one platform's data lives in one partition, serialises the domain records with
 * explicit Compact serializers, and offers asynchronous reads and batched writes of the state
 * ingestion builds up.
 *
 * <p>Map layout (names in {@link io.arbiter.grid.GridMaps}):
 * <ul>
 *   <li>{@code platforms}, {@code clients}, {@code shadow-slots}: by id;</li>
 *   <li>{@code instances} and {@code usage}: by {@link io.arbiter.grid.InstanceKey}, whose
 *       partition key is the platform id, so a platform's instances share its partition; an
 *       instance's usage entry also remembers the ids of its latest usage events, so that a
 *       re-sent sample is told apart where it is applied;</li>
 *   <li>{@code instance-locations}: instance id to platform id, near-cached, to key usage samples
 *       that carry only the instance id;</li>
 *   <li>{@code event-ids}: the ids of accepted events other than usage for the de-duplication
 *       window;</li>
 *   <li>{@code forecasts}, {@code payments}, {@code demand}, {@code contentions}: client and
 *       platform inputs for scoring and arbitration.</li>
 * </ul>
 */
package io.arbiter.grid;
