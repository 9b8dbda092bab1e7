package io.arbiter.arbitration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the same platform, trigger and sequence always give the same decision id, so a
 * contention sent again finds its decision instead of making a second one. An action's id is its
 * decision's id and its position.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    /** The id of the {@code seq}-th decision triggered by {@code triggerId} on {@code platformId}. */
    public static String decision(String platformId, String triggerId, int seq) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((platformId + "\n" + triggerId + "\n" + seq).getBytes(StandardCharsets.UTF_8));
            return "d-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The id of the action at {@code position} (from 1) of a decision. */
    public static String action(String decisionId, int position) {
        return decisionId + "-" + position;
    }
}
