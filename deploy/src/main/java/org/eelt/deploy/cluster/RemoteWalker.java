package org.eelt.deploy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.eelt.explorer.agent.Walker;

/**
 * The campaign-side stand-in of one walker in cluster mode. The campaign spawns it where it would
 * spawn the walker; it asks the receptionist for the explorer-role nodes' {@link WalkerHost}s,
 * picks one round-robin by the walker's index (hosts ordered by address) and sends it
 * {@link WalkerHost.StartWalker}. Pause is relayed to the remote walker, and its progress to the
 * campaign. It watches the remote walker: when it dies with its node, the walker is started again
 * from its start structure with its full step budget on another host (never on the lost node
 * again), or locally when no explorer node is left; the progress it relays then adds the lost
 * walkers' steps, frames and busy time, so the campaign's explored count does not go back. With no
 * explorer-role node listed at all the walker runs locally as the stand-in's child, as in a
 * single-node run. Stopping the stand-in stops the remote walker (its host watches the stand-in).
 */
public final class RemoteWalker {
    /** How long to wait for a host's {@link WalkerHost.WalkerStarted} before trying again. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private RemoteWalker() {
    }

    private record Lost(ActorRef<Walker.Command> walker, String node, String address) {
    }

    private record StartTimedOut(int attempt) {
    }

    /**
     * @param index the walker's index in its stage (round-robin over the hosts)
     * @param start what to send a host (its {@code replyTo} is replaced by the stand-in)
     * @param local the walker's behavior for running it in this JVM (no host listed or left), given
     *              where its progress goes (the stand-in, which relays it)
     * @return the stand-in's behavior
     */
    public static Behavior<Walker.Command> create(int index, WalkerHost.StartWalker start,
                                                  Function<ActorRef<Walker.Progress>, Behavior<Walker.Command>> local) {
        return Behaviors.<Object>setup(ctx -> Behaviors.<Object>withTimers(timers ->
                new State(ctx, timers, index, start, local).find())).unsafeCast();
    }

    private static final class State {
        private final ActorContext<Object> ctx;
        private final TimerScheduler<Object> timers;
        private final int index;
        private final WalkerHost.StartWalker start;
        private final Function<ActorRef<Walker.Progress>, Behavior<Walker.Command>> local;
        private final Set<String> lostNodes = new HashSet<>();
        private ActorRef<Walker.Command> current;
        private boolean placing;
        private boolean paused;
        private int attempt;
        private Walker.Progress base;
        private Walker.Progress last;

        State(ActorContext<Object> ctx, TimerScheduler<Object> timers, int index, WalkerHost.StartWalker start,
              Function<ActorRef<Walker.Progress>, Behavior<Walker.Command>> local) {
            this.ctx = ctx;
            this.timers = timers;
            this.index = index;
            this.start = start;
            this.local = local;
            this.paused = start.paused();
            this.base = new Walker.Progress(start.settings().id(), 0, 0, 0, 0, 0, false);
        }

        Behavior<Object> find() {
            placing = true;
            ctx.getSystem().receptionist().tell(Receptionist.find(WalkerHost.KEY, ctx.getSelf().narrow()));
            return Behaviors.receiveMessage(this::on);
        }

        private Behavior<Object> on(Object m) {
            if (m instanceof Receptionist.Listing l) {
                onListing(l);
            } else if (m instanceof WalkerHost.WalkerStarted s) {
                onStarted(s);
            } else if (m instanceof Lost lost) {
                onLost(lost);
            } else if (m instanceof StartTimedOut t) {
                if (placing && t.attempt() == attempt) {
                    ctx.getLog().warn("walker {}: no answer from an explorer node within {} s; trying again",
                            start.settings().id(), START_TIMEOUT.toSeconds());
                    attempt++;
                    return find();
                }
            } else if (m instanceof Walker.Progress p) {
                onProgress(p);
            } else if (m instanceof Walker.SetPaused p) {
                paused = p.paused();
                if (current != null) {
                    current.tell(p);
                }
            } else if (m instanceof Walker.Command c && current != null) {
                current.tell(c);
            }
            return Behaviors.same();
        }

        private void onListing(Receptionist.Listing listing) {
            if (!placing) {
                return;
            }
            List<ActorRef<WalkerHost.Command>> hosts = new ArrayList<>();
            for (ActorRef<WalkerHost.Command> h : listing.getServiceInstances(WalkerHost.KEY)) {
                if (!lostNodes.contains(h.path().address().toString())) {
                    hosts.add(h);
                }
            }
            if (hosts.isEmpty()) {
                placing = false;
                current = ctx.spawn(Behaviors.supervise(local.apply(ctx.getSelf().narrow()))
                        .onFailure(SupervisorStrategy.restart()), "local");
                if (paused) {
                    current.tell(new Walker.SetPaused(true));
                }
                ctx.getLog().info("walker {} runs on the coordinator (no explorer-role node listed{})",
                        start.settings().id(), lostNodes.isEmpty() ? "" : " besides the lost ones " + lostNodes);
                return;
            }
            hosts.sort(Comparator.comparing(h -> h.path().address().toString()));
            ActorRef<WalkerHost.Command> host = hosts.get(Math.floorMod(index + attempt, hosts.size()));
            host.tell(new WalkerHost.StartWalker(start.settings(), start.start(), start.examiner(), ctx.getSelf().narrow(),
                    start.topic(), start.initialModel(), paused, ctx.getSelf().narrow()));
            timers.startSingleTimer(new StartTimedOut(attempt), START_TIMEOUT);
        }

        /** Relays a remote walker's progress, adding what the walkers lost before it did (steps, frames, busy ms). */
        private void onProgress(Walker.Progress p) {
            if (current == null) {
                return;
            }
            last = p;
            start.progress().tell(new Walker.Progress(p.walker(), base.steps() + p.steps(),
                    base.framesSent() + p.framesSent(), base.busyMillis() + p.busyMillis(),
                    base.restarts() + p.restarts(), p.generation(), p.finished()));
        }

        private void onStarted(WalkerHost.WalkerStarted s) {
            if (!placing) { // a late answer to a timed-out attempt: keep that extra walker paused (it stops with us)
                if (!s.walker().equals(current)) {
                    s.walker().tell(new Walker.SetPaused(true));
                }
                return;
            }
            placing = false;
            timers.cancelAll();
            current = s.walker();
            ctx.watchWith(current, new Lost(current, s.node(), s.walker().path().address().toString()));
            if (paused) {
                current.tell(new Walker.SetPaused(true));
            }
            ctx.getLog().info("walker {} runs on explorer node {}", s.walkerId(), s.node());
        }

        /** @return whether this node is leaving the cluster (then every remote actor looks lost: no restarts). */
        private boolean leaving() {
            MemberStatus s = Cluster.get(ctx.getSystem()).selfMember().status();
            return s == MemberStatus.leaving() || s == MemberStatus.exiting() || s == MemberStatus.down()
                    || s == MemberStatus.removed();
        }

        private void onLost(Lost m) {
            if (leaving() || !m.walker().equals(current)) {
                return;
            }
            current = null;
            if (last != null) {
                base = new Walker.Progress(last.walker(), base.steps() + last.steps(), base.framesSent() + last.framesSent(),
                        base.busyMillis() + last.busyMillis(), base.restarts() + last.restarts() + 1, last.generation(), false);
                last = null;
            }
            lostNodes.add(m.address());
            attempt++;
            ctx.getLog().warn("walker {} was lost with explorer node {}; starting it again from its start structure",
                    start.settings().id(), m.node());
            find();
        }
    }
}
