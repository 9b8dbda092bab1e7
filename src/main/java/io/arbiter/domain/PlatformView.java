package io.arbiter.domain;

/**
 * A platform with what its running instances hold.
 *
 * @param allocated the resources held by instances that are running, stopping or migrating
 * @param free capacity less allocated, never below zero
 */
public record PlatformView(Platform platform, Resources allocated, Resources free,
                           int interruptibleInstances, int uninterruptibleInstances) {
}
