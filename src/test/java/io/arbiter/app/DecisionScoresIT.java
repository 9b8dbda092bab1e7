package io.arbiter.app;

import io.arbiter.arbitration.ScoredClients;
import io.arbiter.domain.ClientScore;
import io.arbiter.domain.InterruptionStanding;
import io.arbiter.domain.SlaTier;
import io.arbiter.grid.GridMember;
import io.arbiter.grid.GridOptions;
import io.arbiter.grid.GridScores;
import io.arbiter.policy.PolicyEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision reads its clients' scores from this member's latest scoring pass only while that pass
 * scored with the rules and policy in force and is the pass that last wrote to the grid; a client
 * the pass did not know is read from the grid.
 */
class DecisionScoresIT {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static GridMember member;
    private static PolicyEngine engine;
    private static GridScores grid;
    private final AtomicReference<ScoreBoard> board = new AtomicReference<>();
    private final DecisionScores scores = new DecisionScores(grid, board::get);

    @BeforeAll
    static void start() throws Exception {
        member = GridMember.start(new GridOptions(null, null, Duration.ofHours(1)));
        engine = PolicyEngine.start(Path.of("rules"), Path.of("policies/default.yaml"), Clock.systemUTC());
        grid = member.scores();
    }

    @AfterAll
    static void stop() {
        member.close();
    }

    @Test
    void theBoardOfThePassThatWroteLastStandsForTheGrid() throws Exception {
        grid.putAll(Map.of("a", score("a", 0.2))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        board.set(boardOf("pass-1", engine.current(), score("a", 0.7)));
        grid.markLatestPass("pass-1").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(cvsOf("a")).as("the board's score, not the grid's").isEqualTo(0.7);
        assertThat(read(Set.of("a")).standings()).containsKey("a");
    }

    @Test
    void anotherPassThatWroteSinceSendsTheDecisionToTheGrid() throws Exception {
        board.set(boardOf("pass-2", engine.current(), score("b", 0.7)));
        grid.putAll(Map.of("b", score("b", 0.4))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        grid.markLatestPass("another member's pass").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(cvsOf("b")).isEqualTo(0.4);
        assertThat(read(Set.of("b")).standings()).as("standings from the grid too").doesNotContainKey("b");
    }

    @Test
    void aBoardScoredWithAnotherPolicySendsTheDecisionToTheGrid() throws Exception {
        board.set(new ScoreBoard("pass-3", Map.of("c", score("c", 0.7)), Map.of(),
                engine.current().rules().revision(), "an older policy"));
        grid.putAll(Map.of("c", score("c", 0.1))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        grid.markLatestPass("pass-3").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(cvsOf("c")).isEqualTo(0.1);
    }

    @Test
    void aClientThePassDidNotKnowIsReadFromTheGrid() throws Exception {
        grid.putAll(Map.of("new", score("new", 0.3))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        board.set(boardOf("pass-4", engine.current(), score("known", 0.9)));
        grid.markLatestPass("pass-4").toCompletableFuture().get(30, TimeUnit.SECONDS);

        ScoredClients read = read(Set.of("known", "new"));
        assertThat(read.scores().get("known").cvs()).isEqualTo(0.9);
        assertThat(read.scores().get("new").cvs()).isEqualTo(0.3);
    }

    private double cvsOf(String client) throws Exception {
        return read(Set.of(client)).scores().get(client).cvs();
    }

    private ScoredClients read(Set<String> clients) throws Exception {
        return scores.read(clients, engine.current()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static ScoreBoard boardOf(String passId, PolicyEngine.Snapshot snapshot, ClientScore... onBoard) {
        Map<String, ClientScore> byId = new HashMap<>();
        Map<String, InterruptionStanding> standings = new HashMap<>();
        for (ClientScore s : onBoard) {
            byId.put(s.clientId(), s);
            standings.put(s.clientId(), new InterruptionStanding(s.clientId(), null, List.of()));
        }
        return new ScoreBoard(passId, byId, standings, snapshot.rules().revision(), snapshot.policy().version());
    }

    private static ClientScore score(String client, double cvs) {
        return new ClientScore(client, SlaTier.GOLD, cvs, List.of(), List.of(), "r", "v", NOW);
    }
}
