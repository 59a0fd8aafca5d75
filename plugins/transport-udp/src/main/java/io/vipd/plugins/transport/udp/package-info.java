/**
 * The {@code udp} advert transport: VRRP adverts carried in authenticated UDP datagrams (HMAC-SHA256 with a
 * shared key, replay protection per sender) for networks that drop IP protocol 112 or multicast. The VRRP
 * bytes are opaque here; the wire format is described in the module's README.md and in {@link
 * io.vipd.plugins.transport.udp.WireFormat}.
 */
package io.vipd.plugins.transport.udp;
