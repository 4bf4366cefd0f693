package org.eelt.deploy.service;

import java.util.List;
import java.util.Map;

import org.apache.pekko.actor.typed.ActorRef;
import org.eelt.protocol.messages.CborSerializable;

/**
 * The public protocol of the {@link CampaignManager}: requests (each carries its reply-to) and
 * replies. Every message is plain data marked {@link CborSerializable}, so that the manager can run
 * on another node (a cluster singleton) than the HTTP routes that ask it.
 */
public final class ManagerProtocol {
    private ManagerProtocol() {
    }

    /** Submits a campaign spec (HOCON or JSON); the reply has the id, or the reason it was refused. */
    public record Submit(String specText, String name, ActorRef<SubmitReply> replyTo) implements CampaignManager.Command,
            CborSerializable {
    }

    /**
     * @param id    the new campaign's id, or null when refused
     * @param error why the spec was refused (key path and fix), or null
     */
    public record SubmitReply(String id, String error) implements CborSerializable {
    }

    /** Lists all campaigns, oldest first. */
    public record ListCampaigns(ActorRef<CampaignList> replyTo) implements CampaignManager.Command, CborSerializable {
    }

    /** @param campaigns all campaigns, oldest first */
    public record CampaignList(List<CampaignView> campaigns) implements CborSerializable {
    }

    /** Asks for one campaign; the reply's view is null for an unknown id. */
    public record GetCampaign(String id, ActorRef<CampaignReply> replyTo) implements CampaignManager.Command, CborSerializable {
    }

    /** @param view the campaign, or null when the id is unknown */
    public record CampaignReply(CampaignView view) implements CborSerializable {
    }

    /** What {@link Control} does. */
    public enum Action {
        /** Stop gracefully (summary status "stopped"). */
        STOP,
        /** Walkers start no new chunk, labelers stop pulling. */
        PAUSE,
        /** Continue a paused campaign. */
        RESUME
    }

    /** Stops, pauses or resumes a campaign. */
    public record Control(String id, Action action, ActorRef<ControlReply> replyTo) implements CampaignManager.Command,
            CborSerializable {
    }

    /**
     * @param code    HTTP-like status: 200 done, 404 unknown id, 409 not possible in the campaign's state
     * @param message what happened
     */
    public record ControlReply(int code, String message) implements CborSerializable {
    }

    /** What {@link Download} fetches. */
    public enum What {
        /** The newest model as DeePMD-kit dpmodel YAML. */
        MODEL,
        /** The labels as extxyz. */
        EXTXYZ,
        /** The labels as deepmd/npy systems in a zip. */
        DEEPMD
    }

    /** Fetches a model or a dataset export; {@code member} selects a member's model (−1: any). */
    public record Download(String id, What what, int member, ActorRef<DownloadReply> replyTo) implements CampaignManager.Command,
            CborSerializable {
    }

    /**
     * @param code        200, or 404/409/503 with {@code error}
     * @param error       what went wrong, or null
     * @param contentType MIME type of the bytes
     * @param fileName    suggested file name
     * @param bytes       the content
     * @param headers     extra response headers (model version, frames)
     */
    public record DownloadReply(int code, String error, String contentType, String fileName, byte[] bytes,
                                Map<String, String> headers) implements CborSerializable {
    }

    /**
     * Stops every running campaign without finishing it (its progress is in the store, and it resumes
     * when a manager starts on the same data directory), closes the stores, then replies.
     */
    public record Shutdown(ActorRef<ShutdownDone> replyTo) implements CampaignManager.Command, CborSerializable {
    }

    /** @param campaigns campaigns that were running and are persisted for resume */
    public record ShutdownDone(int campaigns) implements CborSerializable {
    }
}
