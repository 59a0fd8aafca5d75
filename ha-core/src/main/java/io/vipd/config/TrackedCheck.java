package io.vipd.config;

/**
 * A check tracked by an instance: effective priority = clamp(base + weights of tracked items in their
 * current state, 1, 254).
 *
 * @param check the name of a check under {@code checks:}
 * @param weight added to the priority while the check is DOWN, -254..254 (0 with {@code on-down: fault})
 * @param degradedWeight added while the check is DEGRADED, -254..254 (default 0)
 * @param faultWhenDown {@code on-down: fault}: the instance goes to FAULT while the check is DOWN
 * @param location where the entry was written
 */
public record TrackedCheck(
    String check, int weight, int degradedWeight, boolean faultWhenDown, ConfigLocation location) {}
