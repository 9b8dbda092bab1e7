package io.arbiter.policy;

/**
 * The facts of {@code rules/migration.drl}: one {@link Request} for the contention whose shortfall
 * migration might cover and one {@link Uninterruptible} per running uninterruptible instance of the
 * platform go in (with the policy's sections); rules derive {@link Eligible} and {@link Ineligible}.
 * Ineligible wins over Eligible. Which eligible instances actually move (lowest CVS first, a free
 * shadow slot each, the concurrency limit, only as many as cover the shortfall) is arbitration's.
 */
public final class MigrationFacts {

    private MigrationFacts() {
    }

    /**
     * The contention, as migration eligibility sees it.
     *
     * @param beneficiaryCvs the beneficiary's CVS; NaN when the contention names none
     */
    public record Request(String platformId, boolean extreme, boolean hardwareFailure, String beneficiaryId,
                          double beneficiaryCvs) {

        /** True when the contention names a beneficiary with a score. */
        public boolean hasBeneficiary() {
            return beneficiaryId != null && !Double.isNaN(beneficiaryCvs);
        }
    }

    /**
     * A running uninterruptible instance of the contended platform, with its client's CVS.
     *
     * @param gapToBeneficiary how much higher the beneficiary's CVS is than this client's; NaN when
     *                         the contention names no beneficiary
     */
    public record Uninterruptible(String instanceId, String clientId, double cvs, double gapToBeneficiary) {
    }

    /** The instance may be migrated, because of {@code reason}. */
    public record Eligible(String instanceId, String reason) {
    }

    /** The instance may not be migrated, because of {@code reason}. */
    public record Ineligible(String instanceId, String reason) {
    }
}
