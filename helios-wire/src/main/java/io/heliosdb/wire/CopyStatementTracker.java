package io.heliosdb.wire;

import io.heliosdb.wire.protocol.FrontendMessage;
import java.util.HashSet;
import java.util.Set;

/**
 * On the event loop: which prepared statements and portals are COPY statements, so that the Query or
 * Execute that starts one gets a {@link CopyInStream} before the client's CopyData can arrive. The worker
 * decides whether the statement really reads a stream; an unused stream is simply abandoned.
 */
final class CopyStatementTracker {
    private final Set<String> statements = new HashSet<>();
    private final Set<String> portals = new HashSet<>();

    /** Notes what {@code message} defines; true when it may start a COPY (a Query or Execute of one). */
    boolean mayStartCopy(FrontendMessage message) {
        if (message instanceof FrontendMessage.Query q) {
            return CopyInStream.mayStartCopy(q.sql());
        }
        if (message instanceof FrontendMessage.Parse p) {
            if (CopyInStream.mayStartCopy(p.sql())) {
                statements.add(p.name());
            } else {
                statements.remove(p.name());
            }
        } else if (message instanceof FrontendMessage.Bind b) {
            if (statements.contains(b.statement())) {
                portals.add(b.portal());
            } else {
                portals.remove(b.portal());
            }
        } else if (message instanceof FrontendMessage.Close c) {
            (c.kind() == 'S' ? statements : portals).remove(c.name());
        } else if (message instanceof FrontendMessage.Execute e) {
            return portals.contains(e.portal());
        }
        return false;
    }
}
