package io.vipd.notify;

/**
 * A snapshot of one notifier's delivery counters, for metrics and the status API. Counters only grow
 * during a daemon run.
 *
 * @param name the notifier name
 * @param delivered events the notifier accepted
 * @param failedAttempts attempts that failed (each retry counts)
 * @param droppedOverflow events dropped because the queue was full (the oldest waiting one goes)
 * @param droppedAfterRetries events dropped after the last allowed attempt failed
 * @param droppedRejected events dropped because the receiver rejected them for good
 *     ({@link io.vipd.api.PermanentDeliveryException})
 * @param droppedAtClose events still queued when the close deadline passed
 * @param queueDepth events waiting now, not counting the one in flight
 * @param failing whether the notifier is in an outage (its last attempt failed)
 */
public record NotifierStats(
    String name,
    long delivered,
    long failedAttempts,
    long droppedOverflow,
    long droppedAfterRetries,
    long droppedRejected,
    long droppedAtClose,
    int queueDepth,
    boolean failing) {}
