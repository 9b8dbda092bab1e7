package io.arbiter.bench.decision;

import io.arbiter.arbitration.ClientStanding;
import io.arbiter.arbitration.Standings;
import io.arbiter.domain.Client;
import io.arbiter.domain.ClientFactors;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.domain.Payment;
import io.arbiter.domain.SlaTier;
import io.arbiter.policy.CompiledRules;
import io.arbiter.policy.CvsScorer;
import io.arbiter.policy.InterruptionStandings;
import io.arbiter.policy.PolicyDocument;
import io.arbiter.policy.RuleCompilationException;
import io.arbiter.policy.RuleCompiler;
import io.arbiter.policy.ScoringParameters;
import io.arbiter.scoring.FactorAssembler;
import io.arbiter.scoring.Projection;
import io.arbiter.scoring.UsageSummary;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 10,000 generated clients as the running service knows them: what their scores are computed from
 * (usage, SLA tier, invoices, demand signals), the CVS the real rules give them (factors assembled
 * by {@link FactorAssembler}, scored by {@link CvsScorer} with {@code rules/} and the default
 * policy, as the service re-scores), each one's standing from the interruption rules, and how
 * often each was interrupted lately. Deterministic: the same seed gives the same fleet.
 *
 * <p>The mix: 5 % platinum, 20 % gold, 40 % silver, 35 % bronze; decayed CPU log-normal around 2
 * cores (3 % of clients have no usage yet), memory 2–8 GiB a core, forecasts 10–60 % above use;
 * twelve monthly invoices each, 85 % of clients always on time, 10 % sometimes late, 5 % with an
 * unpaid one 5–75 days overdue (past 30 days the cap rule fires); 35 % with a request-rate signal in
 * force; 5 % with 1–3 interruptions in the disruption-budget window.
 */
public final class Fleet {

    /** How many clients. */
    public static final int CLIENTS = 10_000;
    /** The instant every decision and score is taken at. */
    public static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static final long SEED = 20_261_203L;

    private final CompiledRules rules;
    private final PolicyDocument policy;
    private final List<String> clientIds;
    private final List<FactorAssembler.ClientInputs> inputs;
    private final Map<String, ClientScore> scores;
    private final Map<String, InterruptionStanding> standings;
    private final Map<String, Integer> recentInterruptions;

    private Fleet(CompiledRules rules, PolicyDocument policy, List<String> clientIds,
                  List<FactorAssembler.ClientInputs> inputs, Map<String, ClientScore> scores,
                  Map<String, InterruptionStanding> standings, Map<String, Integer> recentInterruptions) {
        this.rules = rules;
        this.policy = policy;
        this.clientIds = clientIds;
        this.inputs = inputs;
        this.scores = scores;
        this.standings = standings;
        this.recentInterruptions = recentInterruptions;
    }

    /** Compiles {@code rules/} of the project folder ({@code arbiter.home}, else the current folder). */
    public static CompiledRules compileRules() throws RuleCompilationException {
        String home = System.getProperty("arbiter.home");
        Path project = home == null ? Path.of("").toAbsolutePath() : Path.of(home);
        return new RuleCompiler(Clock.systemUTC()).compile(project.resolve("rules"));
    }

    /** Generates the clients, assembles their factors and scores them once with {@code rules}. */
    public static Fleet generate(CompiledRules rules) {
        PolicyDocument policy = PolicyDocument.defaults();
        Random random = new Random(SEED);
        List<FactorAssembler.ClientInputs> inputs = new ArrayList<>(CLIENTS);
        List<String> ids = new ArrayList<>(CLIENTS);
        Map<String, Integer> recent = new HashMap<>();
        for (int n = 0; n < CLIENTS; n++) {
            String id = String.format("c-%05d", n);
            ids.add(id);
            inputs.add(new FactorAssembler.ClientInputs(new Client(id, id, tier(random)), usage(random),
                    invoices(id, random), demand(id, random)));
            if (random.nextDouble() < 0.05) {
                recent.put(id, 1 + random.nextInt(3));
            }
        }
        List<ClientScore> scored = CvsScorer.score(rules, policy, assemble(policy, inputs), NOW);
        Map<String, ClientScore> scores = new HashMap<>();
        scored.forEach(s -> scores.put(s.clientId(), s));
        Map<String, InterruptionStanding> standings = InterruptionStandings.evaluate(rules, policy, scored);
        return new Fleet(rules, policy, List.copyOf(ids), List.copyOf(inputs), Collections.unmodifiableMap(scores),
                Collections.unmodifiableMap(standings), Collections.unmodifiableMap(recent));
    }

    /**
     * Every client's CVS computed afresh, as the service re-scores: factors assembled from the
     * clients' inputs, then scored by the rules; by client id.
     */
    public Map<String, Double> rescore() {
        return score(assemble());
    }

    /** Every client's factors, assembled from its inputs. */
    List<ClientFactors> assemble() {
        return assemble(policy, inputs);
    }

    /** The CVS the rules give each of {@code factors}, by client id. */
    Map<String, Double> score(List<ClientFactors> factors) {
        return score(rules, policy, factors);
    }

    private static List<ClientFactors> assemble(PolicyDocument policy, List<FactorAssembler.ClientInputs> inputs) {
        return FactorAssembler.assemble(inputs, ScoringParameters.factors(policy.policy()), NOW);
    }

    private static Map<String, Double> score(CompiledRules rules, PolicyDocument policy, List<ClientFactors> factors) {
        List<ClientScore> scores = CvsScorer.score(rules, policy, factors, NOW);
        Map<String, Double> byClient = new HashMap<>(scores.size() * 2);
        for (ClientScore s : scores) {
            byClient.put(s.clientId(), s.cvs());
        }
        return byClient;
    }

    private static SlaTier tier(Random random) {
        double u = random.nextDouble();
        return u < 0.05 ? SlaTier.PLATINUM : u < 0.25 ? SlaTier.GOLD : u < 0.65 ? SlaTier.SILVER : SlaTier.BRONZE;
    }

    private static UsageSummary usage(Random random) {
        if (random.nextDouble() < 0.03) {
            return null;
        }
        double cpu = Math.exp(Math.log(2) + 1.2 * random.nextGaussian());
        double memory = cpu * (2 + 6 * random.nextDouble());
        double network = Math.exp(Math.log(50) + 1.5 * random.nextGaussian());
        double now = 0.7 + 0.6 * random.nextDouble();
        Projection projection = new Projection("seasonal-peak", NOW, Duration.ofHours(1),
                cpu * (1.1 + 0.5 * random.nextDouble()), memory * (1.05 + 0.25 * random.nextDouble()));
        return new UsageSummary(cpu, memory, network, cpu * now, memory * now, network * now, projection);
    }

    private static List<Payment> invoices(String clientId, Random random) {
        double u = random.nextDouble();
        boolean sometimesLate = u >= 0.85 && u < 0.95;
        boolean overdue = u >= 0.95;
        List<Payment> invoices = new ArrayList<>(12);
        for (int month = 0; month < 12; month++) {
            Instant due = NOW.minus(Duration.ofDays(5 + 30L * month));
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(4_900));
            Instant paid = due.minus(Duration.ofDays(random.nextInt(10)));
            if (sometimesLate && random.nextDouble() < 0.3) {
                paid = due.plus(Duration.ofDays(5 + random.nextInt(15)));
            }
            invoices.add(new Payment(clientId, clientId + "-" + month, amount, "EUR", due, paid));
        }
        if (overdue) {
            Instant due = NOW.minus(Duration.ofDays(5 + random.nextInt(70)));
            invoices.add(new Payment(clientId, clientId + "-late", BigDecimal.valueOf(500 + random.nextInt(4_500)),
                    "EUR", due, null));
        }
        return invoices;
    }

    private static List<DemandSignal> demand(String clientId, Random random) {
        if (random.nextDouble() >= 0.35) {
            return List.of();
        }
        return List.of(new DemandSignal(clientId, "requestRate", 10_000 * Math.pow(random.nextDouble(), 2),
                NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(15)));
    }

    /** The compiled rules the scores come from. */
    public CompiledRules rules() {
        return rules;
    }

    /** The policy in force: the built-in defaults. */
    public PolicyDocument policy() {
        return policy;
    }

    /** The clients' ids, in generation order. */
    public List<String> clientIds() {
        return clientIds;
    }

    /**
     * What the service has ready at decision time ({@link Standings}): each client's score and its
     * standing from the interruption rules, both computed once at generation, and its interruptions
     * within the disruption-budget window.
     */
    public ClientStanding standing() {
        return new Standings(scores, standings, recentInterruptions);
    }

    /** The client whose CVS is at the {@code share} quantile of the fleet's (0.99: among the highest). */
    public String clientAtQuantile(double share) {
        String[] byValue = clientIds.toArray(String[]::new);
        Arrays.sort(byValue, (a, b) -> Double.compare(scores.get(a).cvs(), scores.get(b).cvs()));
        return byValue[(int) Math.min(byValue.length - 1, Math.floor(share * byValue.length))];
    }
}
