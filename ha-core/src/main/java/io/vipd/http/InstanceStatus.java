package io.vipd.http;

import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API shows of one VRRP instance.
 *
 * @param name the instance name
 * @param interfaceName the interface it runs on
 * @param vrid the virtual router id
 * @param version VRRP version, 2 or 3
 * @param state its state now
 * @param basePriority the configured priority
 * @param effectivePriority the priority it advertises now (base adjusted by tracking)
 * @param master the current master's address: this node's own when master, the last accepted advert's
 *     source when backup, empty otherwise
 * @param fault the active fault reasons, when in FAULT
 * @param maintenance whether the API put it in maintenance
 * @param vips its virtual addresses as CIDR
 * @param advertInterval the configured advertisement interval
 * @param advertsSent adverts sent since start
 * @param advertsLate adverts sent more than half an interval late since start
 * @param advertsReceived valid adverts received since start
 * @param drops ignored packets by reason, every reason present (zeros included)
 * @param transport the transport's one-line description
 * @param transportDrops packets the transport itself dropped, by its own reason names
 * @param transitions how many times each state was entered, every state present
 */
public record InstanceStatus(
    String name,
    String interfaceName,
    int vrid,
    int version,
    VrrpState state,
    int basePriority,
    int effectivePriority,
    Optional<String> master,
    Optional<String> fault,
    boolean maintenance,
    List<String> vips,
    Duration advertInterval,
    long advertsSent,
    long advertsLate,
    long advertsReceived,
    Map<DropReason, Long> drops,
    String transport,
    Map<String, Long> transportDrops,
    Map<VrrpState, Long> transitions) {

  public InstanceStatus {
    vips = List.copyOf(vips);
    drops = complete(DropReason.class, drops);
    transportDrops = Collections.unmodifiableMap(new LinkedHashMap<>(transportDrops));
    transitions = complete(VrrpState.class, transitions);
  }

  private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
    Map<E, Long> all = new EnumMap<>(type);
    for (E key : type.getEnumConstants()) {
      all.put(key, counts.getOrDefault(key, 0L));
    }
    return Collections.unmodifiableMap(all);
  }
}
