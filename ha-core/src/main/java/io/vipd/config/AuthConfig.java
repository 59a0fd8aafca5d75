package io.vipd.config;

/**
 * VRRPv2 simple text password authentication (RFC 2338 section 5.3.6; dropped by RFC 3768 but still
 * spoken by keepalived's {@code auth_type PASS}). It protects against misconfiguration, not attackers.
 *
 * @param password at most 8 characters; masked in {@code toString()}
 */
public record AuthConfig(Secret password) {}
