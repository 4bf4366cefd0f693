package org.eelt.deploy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.DatasetSource;
import org.eelt.trainer.agent.TrainerMember;

/**
 * The campaign-side stand-in of one ensemble member in cluster mode (Deep Potential campaigns). It
 * places the member, at the campaign's first training request, on a trainer-role node's
 * {@link TrainerHost} (round-robin by member index over the listed hosts, ordered by address), then turns the campaign's {@link TrainerMember.DatasetGrew}
 * into {@link TrainerHost.Increment}s: the labels the node's copy lacks, read from the campaign's
 * store (so it must run on the store dispatcher, never the default one), in batches of
 * {@value #BATCH}, the last one naming the snapshot to train on. Models come back on the campaign's
 * model topic; the stand-in follows them to know the member's generation. When the node is lost the
 * member is started again (on another trainer node, or locally when none is left) with its latest
 * generation and the whole dataset resent. With no trainer node listed the member runs locally.
 */
public final class RemoteTrainer {
    /** Labeled frames per {@link TrainerHost.Increment}. */
    static final int BATCH = 64;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private RemoteTrainer() {
    }

    private record Lost(ActorRef<TrainerHost.Increment> feed, String node, String address) {
    }

    private record StartTimedOut(int attempt) {
    }

    /**
     * @param campaign   the campaign's run name
     * @param start      what to send a host (its {@code replyTo} is replaced by the stand-in)
     * @param dataset    the campaign's dataset (the store), read on the stand-in's dispatcher
     * @param topic      the campaign's model topic (the stand-in follows its member's generation)
     * @param local      the member's behavior for running it in this JVM (no trainer node listed or left)
     * @return the stand-in's behavior
     */
    public static Behavior<TrainerMember.Command> create(String campaign, TrainerHost.StartMember start,
                                                         DatasetSource dataset,
                                                         ActorRef<Topic.Command<ModelPublished>> topic,
                                                         Behavior<TrainerMember.Command> local) {
        return Behaviors.<Object>setup(ctx -> Behaviors.<Object>withTimers(timers -> {
            topic.tell(Topic.subscribe(ctx.getSelf().narrow()));
            return new State(ctx, timers, start, dataset, local).idle();
        })).unsafeCast();
    }

    private static final class State {
        private final ActorContext<Object> ctx;
        private final TimerScheduler<Object> timers;
        private final TrainerHost.StartMember start;
        private final DatasetSource dataset;
        private final Behavior<TrainerMember.Command> local;
        private final Set<String> lostNodes = new HashSet<>();
        private ActorRef<TrainerHost.Increment> feed;
        private ActorRef<TrainerMember.Command> localMember;
        private boolean placing;
        private int attempt;
        private long generation;
        private long sent;
        private long requested;

        State(ActorContext<Object> ctx, TimerScheduler<Object> timers, TrainerHost.StartMember start,
              DatasetSource dataset, Behavior<TrainerMember.Command> local) {
            this.ctx = ctx;
            this.timers = timers;
            this.start = start;
            this.dataset = dataset;
            this.local = local;
            this.generation = start.generation();
        }

        /** Placement waits for the first training request (the trainer nodes' listing has spread by then). */
        Behavior<Object> idle() {
            return Behaviors.receiveMessage(this::on);
        }

        Behavior<Object> find() {
            placing = true;
            ctx.getSystem().receptionist().tell(Receptionist.find(TrainerHost.KEY, ctx.getSelf().narrow()));
            return Behaviors.receiveMessage(this::on);
        }

        private int member() {
            return start.settings().member();
        }

        private Behavior<Object> on(Object m) {
            if (m instanceof Receptionist.Listing l) {
                onListing(l);
            } else if (m instanceof TrainerHost.MemberStarted s) {
                onStarted(s);
            } else if (m instanceof TrainerMember.DatasetGrew g) {
                requested = Math.max(requested, g.snapshot());
                if (feed == null && localMember == null && !placing) {
                    find();
                } else if (localMember != null) {
                    localMember.tell(g);
                } else {
                    send();
                }
            } else if (m instanceof TrainerHost.Have h) {
                sent = h.size();
                send();
            } else if (m instanceof ModelPublished p) {
                if (p.member() == member()) {
                    generation = Math.max(generation, p.generation());
                }
            } else if (m instanceof Lost lost) {
                onLost(lost);
            } else if (m instanceof StartTimedOut t && placing && t.attempt() == attempt) {
                ctx.getLog().warn("trainer member {}: no answer from a trainer node within {} s; trying again",
                        member(), START_TIMEOUT.toSeconds());
                attempt++;
                return find();
            }
            return Behaviors.same();
        }

        private void onListing(Receptionist.Listing listing) {
            if (!placing) {
                return;
            }
            List<ActorRef<TrainerHost.Command>> hosts = new ArrayList<>();
            for (ActorRef<TrainerHost.Command> h : listing.getServiceInstances(TrainerHost.KEY)) {
                if (!lostNodes.contains(h.path().address().toString())) {
                    hosts.add(h);
                }
            }
            if (hosts.isEmpty()) {
                placing = false;
                localMember = ctx.spawn(Behaviors.supervise(local).onFailure(SupervisorStrategy.restart()), "local");
                if (requested > 0) {
                    localMember.tell(new TrainerMember.DatasetGrew(requested));
                }
                ctx.getLog().info("trainer member {} runs on the coordinator (no trainer-role node listed{})", member(),
                        lostNodes.isEmpty() ? "" : " besides the lost ones " + lostNodes);
                return;
            }
            hosts.sort(Comparator.comparing(h -> h.path().address().toString()));
            ActorRef<TrainerHost.Command> host = hosts.get(Math.floorMod(member() + attempt, hosts.size()));
            host.tell(new TrainerHost.StartMember(start.campaign(), start.settings(), generation, start.topic(),
                    ctx.getSelf().narrow()));
            timers.startSingleTimer(new StartTimedOut(attempt), START_TIMEOUT);
        }

        private void onStarted(TrainerHost.MemberStarted s) {
            if (!placing) {
                return; // a late answer to a timed-out attempt: that member gets no data and stops with us
            }
            placing = false;
            timers.cancelAll();
            feed = s.feed();
            sent = 0;
            ctx.watchWith(feed, new Lost(feed, s.node(), feed.path().address().toString()));
            ctx.getLog().info("trainer member {} runs on trainer node {}", member(), s.node());
            send();
        }

        /** Sends the labels the node lacks up to the requested snapshot (store reads: store dispatcher). */
        private void send() {
            if (feed == null || requested <= 0 || sent > requested) {
                return;
            }
            List<Frame> all = dataset.frames(requested);
            long n = all.size();
            if (sent == n && n > 0) { // nothing new: just ask for the round
                feed.tell(new TrainerHost.Increment(sent, List.of(), n, ctx.getSelf().narrow()));
                return;
            }
            while (sent < n) {
                int to = (int) Math.min(n, sent + BATCH);
                List<TrainerHost.LabeledFrameData> batch = new ArrayList<>();
                for (Frame f : all.subList((int) sent, to)) {
                    batch.add(TrainerHost.LabeledFrameData.of(f));
                }
                feed.tell(new TrainerHost.Increment(sent, batch, to == n ? n : 0, ctx.getSelf().narrow()));
                sent = to;
            }
        }

        /** @return whether this node is leaving the cluster (then every remote actor looks lost: no restarts). */
        private boolean leaving() {
            MemberStatus s = Cluster.get(ctx.getSystem()).selfMember().status();
            return s == MemberStatus.leaving() || s == MemberStatus.exiting() || s == MemberStatus.down()
                    || s == MemberStatus.removed();
        }

        private void onLost(Lost m) {
            if (leaving() || !m.feed().equals(feed)) {
                return;
            }
            feed = null;
            lostNodes.add(m.address());
            attempt++;
            ctx.getLog().warn("trainer member {} was lost with trainer node {}; starting it again at generation {}",
                    member(), m.node(), generation);
            find();
        }
    }
}
