package io.arbiter.app;

import io.arbiter.arbitration.ScoredClients;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.grid.GridScores;
import io.arbiter.policy.PolicyEngine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The scores and interruption standings a decision reads for its clients (maps that may hold other
 * clients too). They come from this
 * member's {@link ScoreBoard} when its pass scored with the rules and policy in force and is the
 * pass that last wrote scores to the grid (on any member); a client the board lacks (registered
 * since) is read from the grid. Otherwise (another member's pass wrote since, or the rules or the
 * policy changed) all come from the grid, as they would without a board.
 */
final class DecisionScores {

    private final GridScores grid;
    private final Supplier<ScoreBoard> board;

    DecisionScores(GridScores grid, Supplier<ScoreBoard> board) {
        this.grid = grid;
        this.board = board;
    }

    /**
     * The scores and standings of {@code clients}, as in force for {@code snapshot}: the board's own
     * {@link ScoredClients} when it has them all, so that decisions from one board are taken from
     * one object.
     */
    CompletionStage<ScoredClients> read(Set<String> clients, PolicyEngine.Snapshot snapshot) {
        ScoreBoard latest = board.get();
        if (latest == null || !latest.scoredWith(snapshot)) {
            return fromGrid(clients);
        }
        return grid.latestPass().thenCompose(pass -> onBoard(latest, pass, clients));
    }

    private CompletionStage<ScoredClients> onBoard(ScoreBoard latest, Optional<String> pass, Set<String> clients) {
        if (!pass.map(latest.passId()::equals).orElse(false)) {
            return fromGrid(clients);
        }
        Set<String> missing = new HashSet<>();
        for (String client : clients) {
            if (!latest.scores().containsKey(client)) {
                missing.add(client);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(latest.scored());
        }
        return fromGrid(missing).thenApply(added -> {
            Map<String, ClientScore> scores = new HashMap<>(latest.scores());
            scores.putAll(added.scores());
            Map<String, InterruptionStanding> standings = new HashMap<>(latest.standings());
            standings.putAll(added.standings());
            return new ScoredClients(scores, standings);
        });
    }

    private CompletionStage<ScoredClients> fromGrid(Set<String> clients) {
        CompletableFuture<Map<String, ClientScore>> scores = grid.scores(clients).toCompletableFuture();
        CompletableFuture<Map<String, InterruptionStanding>> standings = grid.standings(clients).toCompletableFuture();
        return scores.thenCombine(standings, ScoredClients::new);
    }
}
