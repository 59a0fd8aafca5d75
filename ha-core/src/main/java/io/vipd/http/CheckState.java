package io.vipd.http;

import io.vipd.api.CheckStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What the API shows of one health check.
 *
 * @param name the check's configured name
 * @param type its plugin type ({@code tcp}, {@code mysql})
 * @param status its stable status (after rise/fall; UP until the first result)
 * @param message the latest probe's message
 * @param latency the latest probe's duration, empty before the first probe
 */
public record CheckState(String name, String type, CheckStatus status, String message, Optional<Duration> latency) {}
