package io.arbiter.domain;

/** A client's service-level agreement tier, best first. */
public enum SlaTier implements WireName {
    PLATINUM("platinum"), GOLD("gold"), SILVER("silver"), BRONZE("bronze");

    private final String wire;

    SlaTier(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The tier {@code steps} below this one, stopping at the lowest. */
    public SlaTier downgradedBy(int steps) {
        SlaTier[] tiers = values();
        return tiers[Math.min(tiers.length - 1, ordinal() + Math.max(0, steps))];
    }
}
