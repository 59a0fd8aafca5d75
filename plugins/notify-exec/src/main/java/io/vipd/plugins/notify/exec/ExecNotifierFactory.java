package io.vipd.plugins.notify.exec;

import io.vertx.core.json.JsonObject;
import io.vipd.api.Notifier;
import io.vipd.api.NotifierFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import org.pf4j.Extension;

/**
 * {@code type: exec}: runs a command on each state change, compatible with keepalived's {@code notify}
 * scripts.
 *
 * <pre>
 * notifiers:
 *   legacy-scripts:
 *     type: exec
 *     command: /etc/keepalived/notify.sh     # gets INSTANCE db-vip MASTER 100
 *     on-master: [/usr/local/bin/promote-replica, --yes]
 *     timeout: 20s
 * </pre>
 */
@Extension
public final class ExecNotifierFactory implements NotifierFactory {

  @Override
  public String type() {
    return "exec";
  }

  @Override
  public Notifier create(PluginContext context, JsonObject config) throws PluginConfigException {
    return new ExecNotifier(context.vertx(), ExecSettings.parse(config));
  }
}
