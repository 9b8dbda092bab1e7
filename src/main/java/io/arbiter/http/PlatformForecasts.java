package io.arbiter.http;

import io.arbiter.scoring.PlatformForecast;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A platform's projected demand over the policy's horizon; empty for an unknown platform. */
public interface PlatformForecasts {

    CompletionStage<Optional<PlatformForecast>> forecast(String platformId);
}
