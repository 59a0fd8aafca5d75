package io.vipd.daemon;

import io.vipd.vrrp.VrrpConstants;
import io.vipd.config.InstanceConfig;
import io.vipd.instance.InstanceSpec;
import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.VrrpSettings;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** Turns a validated {@link InstanceConfig} into what the running instance needs. */
final class InstanceSpecs {
  private InstanceSpecs() {}

  static InstanceSpec of(InstanceConfig config, InetAddress primaryAddress) {
    VrrpSettings settings = new VrrpSettings(config.vrid(), config.version(), config.priority(),
        (int) (config.advertInterval().toMillis() / 10), config.preempt(), config.preemptDelay(),
        config.strictRfc(), primaryAddress, VrrpConstants.AUTH_TYPE_NONE, null);
    if (config.auth().isPresent()) {
      settings = settings.withPassword(config.auth().get().password().reveal().getBytes(StandardCharsets.UTF_8));
    }
    return new InstanceSpec(config.name(), config.interfaceName(), settings, config.vips(),
        config.checksumCompat() ? ChecksumMode.NO_PSEUDO_HEADER : ChecksumMode.PSEUDO_HEADER,
        config.garp(), config.track(), config.notifiers());
  }
}
