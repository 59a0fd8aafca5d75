package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vipd.config.VipConfig;
import java.io.IOException;
import java.util.List;

/**
 * Tells the neighbours that the virtual addresses now live at this host's MAC: gratuitous ARP for
 * IPv4, unsolicited Neighbor Advertisements for IPv6. One call sends one round; the instance owns the
 * schedule of repeats ({@link AnnounceSchedule}).
 */
public interface Announcer {

  void announce(List<VipConfig> addresses) throws IOException;
}
