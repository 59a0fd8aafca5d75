package io.vipd.vrrp;

import java.util.Objects;

/** The outcome of {@link VrrpCodec#decode}: a well-formed packet, or the syntax reason it was dropped. */
public sealed interface Decoded {

  /** The message was well formed. */
  record Ok(VrrpPacket packet) implements Decoded {
    public Ok {
      Objects.requireNonNull(packet, "packet");
    }
  }

  /**
   * The message was malformed.
   *
   * @param reason one of the syntax reasons ({@link DropReason#isSyntax()})
   * @param detail what exactly was wrong, for debug logs
   */
  record Rejected(DropReason reason, String detail) implements Decoded {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
