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
 *   <li>{@code instance-changes}: platform id to its {@link io.arbiter.grid.InstanceChangeLog}, in the
 *       platform's partition: a revision counting every change to its instances and the latest
 *       instances changed, so that a copy of a platform's instances is brought up to date by reading
 *       only those;</li>
 *   <li>{@code instance-locations}: instance id to platform id, each member keeping its own copy
 *       ({@link io.arbiter.grid.LocationCache}, dropped on any member's change), to key usage samples
 *       that carry only the instance id;</li>
 *   <li>{@code event-ids}: the ids of accepted events other than usage for the de-duplication
 *       window;</li>
 *   <li>{@code forecasts}, {@code payments}, {@code demand}: client inputs for scoring;</li>
 *   <li>{@code contentions}: contentions not yet decided, by (platform, event id) in the platform's
 *       partition, so that the platform's owner, or its next owner after a member dies, finds them;</li>
 *   <li>{@code decisions}, {@code actions}: the decision log, under the cluster configuration's
 *       split-brain protection (a member on the minority side gets {@link io.arbiter.grid.MinorityException}).</li>
 *   <li>{@code action-claims}: action id to the member that carries it out
 *       ({@link io.arbiter.grid.ActionClaims}), for a day at most;</li>
 *   <li>{@code routes}: service name to its {@link io.arbiter.grid.RouteEntry} (the route in force
 *       and a revision), listened to by every member's router; the minority side may read it but not
 *       change it.</li>
 * </ul>
 *
 * <p>{@link io.arbiter.grid.GridOwnership} answers who is in the cluster, which member owns a
 * platform's partition and whether this member sees a majority. {@link io.arbiter.grid.EventBusCluster}
 * hands the member to Vert.x as its cluster manager: the one place where this package touches
 * Vert.x, through its cluster-manager interface only.
 */
package io.arbiter.grid;
