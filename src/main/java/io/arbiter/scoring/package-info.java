/**
 * Scoring: the numbers behind a client's CVS — usage with decay, usage history and forecasts,
 * payment history, demand signals — and their normalisation to factors in [0, 1]. Pure Java, no
 * framework; every function takes the time it should judge by ({@code Instant now}).
 *
 * <h2>Usage</h2>
 * <ul>
 *   <li>{@link io.arbiter.scoring.DecayedUsage}: per instance or per client, decayed CPU, memory and
 *       network use (Slurm-style integrals with the half-lives of a
 *       {@link io.arbiter.scoring.DecaySpec}), mergeable, nine numbers of state.</li>
 *   <li>{@link io.arbiter.scoring.UsageHistory}: five-minute slots for a day, hourly ones for
 *       fourteen days, in fixed primitive arrays (about 20 KB per series, whatever the rate).</li>
 * </ul>
 *
 * <h2>Projected needs</h2>
 * A {@link io.arbiter.scoring.Forecaster} projects CPU and memory over a horizon (default 1 h):
 * {@code last-value}, {@code vpa} (the Kubernetes VPA recommender's target) and the shipped
 * {@code seasonal-peak} ({@link io.arbiter.scoring.SeasonalPeakForecaster}). A
 * {@link io.arbiter.scoring.ForecastSelector} prefers the client's own
 * {@link io.arbiter.domain.ClientForecast} while it is in force.
 *
 * <h2>Domain types</h2>
 * Scoring reads the domain's records as they arrive in events —
 * {@link io.arbiter.domain.DemandSignal}, {@link io.arbiter.domain.ClientForecast} and
 * {@link io.arbiter.domain.Payment} — and produces {@link io.arbiter.domain.Factor}s.
 *
 * <h2>Normalisation of each factor</h2>
 * <table>
 *   <caption>Factors, their raw measure and how it becomes a value in [0, 1]</caption>
 *   <tr><th>factor</th><th>raw</th><th>normalised</th></tr>
 *   <tr><td>{@code usage.cpu}, {@code usage.memory}, {@code usage.network}</td>
 *       <td>the client's decayed usage at {@code now}, as a rate (cores, GiB, Mbit/s)</td>
 *       <td>raw over the fleet's 95th percentile of the same ({@link io.arbiter.scoring.FleetReference}),
 *           clamped to [0, 1]; 0 for no use, 1 for any use if the reference is 0</td></tr>
 *   <tr><td>{@code forecast.cpu}, {@code forecast.memory}</td>
 *       <td>the selected projection (client's forecast or model)</td>
 *       <td>as usage, against the fleet's 95th percentile of projections</td></tr>
 *   <tr><td>{@code sla}</td><td>the tier's factor</td>
 *       <td>{@link io.arbiter.scoring.SlaTiers}: platinum 1.0, gold 0.75, silver 0.5, bronze 0.25 by
 *           default; the policy may set others</td></tr>
 *   <tr><td>{@code demand}</td><td>how many signals counted</td>
 *       <td>{@link io.arbiter.scoring.DemandSignals}: each signal in force scaled by its name's range
 *           {@code (value - min) / (max - min)} and clamped, the latest per name; combined by max or
 *           mean; 0 with none in force</td></tr>
 *   <tr><td>{@code payment}</td><td>the weighted share of invoices paid on time</td>
 *       <td>{@link io.arbiter.scoring.PaymentHistory}: on-time share times (1 - share overdue now)</td></tr>
 * </table>
 *
 * <h2>Replaying real traces</h2>
 * {@link io.arbiter.scoring.BitbrainsTrace} reads the Bitbrains VM traces used to choose the
 * shipped forecaster and to replay realistic load.
 */
package io.arbiter.scoring;
