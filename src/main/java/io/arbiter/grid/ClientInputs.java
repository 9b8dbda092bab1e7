package io.arbiter.grid;

import io.arbiter.domain.Client;
import io.arbiter.domain.ClientForecast;
import io.arbiter.domain.DemandSignal;
import io.arbiter.domain.Payment;

import java.util.List;

/**
 * What the grid holds of one client for scoring: the client, its invoices, its demand signals and
 * its latest forecast (null when none).
 */
public record ClientInputs(Client client, List<Payment> payments, List<DemandSignal> demand, ClientForecast forecast) {
}
