package org.eelt.deploy.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.eelt.deploy.service.CampaignJson;
import org.eelt.deploy.service.CampaignManager;
import org.eelt.deploy.service.ManagerProtocol;
import org.eelt.deploy.service.PrometheusText;
import org.eelt.deploy.service.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON HTTP API of the service (pekko-http):
 * <pre>
 * POST /api/campaigns[?name=N]          body: campaign spec, HOCON or JSON   -&gt; 201 {"id"}       (token)
 * GET  /api/campaigns                                                       -&gt; [{"id","name","kind","status"}]
 * GET  /api/campaigns/{id}                                                  -&gt; status, live metrics, summary
 * POST /api/campaigns/{id}/stop|pause|resume                                -&gt; {"id","status","message"} (token)
 * GET  /api/campaigns/{id}/models/latest[?member=K]                         -&gt; DeePMD-kit dpmodel YAML
 * GET  /api/campaigns/{id}/export?format=extxyz|deepmd                      -&gt; extxyz text, or deepmd/npy zip
 * GET  /api/cluster                                                         -&gt; {"members":[...]}
 * GET  /metrics                                                             -&gt; Prometheus text 0.0.4
 * </pre>
 * Mutating endpoints need {@code Authorization: Bearer TOKEN} (401 otherwise). Every error is JSON
 * {@code {"error": "..."}} with a 4xx/5xx status; a bad request never reaches past its route.
 */
public final class ApiRoutes extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final String ID = "[A-Za-z0-9_.-]{1,100}";
    private final ServiceState state;
    private final byte[] token;
    private final long maxBodyBytes;

    /**
     * @param state        the service facade
     * @param token        the bearer token of mutating endpoints
     * @param maxBodyBytes largest accepted request body
     */
    public ApiRoutes(ServiceState state, String token, long maxBodyBytes) {
        this.state = state;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @return the API routes wrapped in JSON error handling (compose with other routes via {@code concat}) */
    public Route routes() {
        return handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
                pathPrefix("api", () -> concat(
                        path("campaigns", () -> concat(
                                get(() -> reply(state.list().thenApply(l -> json(200, CampaignJson.list(l))))),
                                post(() -> authorized(this::submit)))),
                        pathPrefix(PathMatchers.segment("campaigns").slash(PathMatchers.segment()), this::campaign),
                        path("cluster", () -> get(() -> reply(state.cluster().thenApply(c -> json(200, c))))))),
                path("metrics", () -> get(() -> reply(state.metricsText().thenApply(t -> HttpResponse.create()
                        .withEntity(ContentTypes.parse(PrometheusText.CONTENT_TYPE),
                                t.getBytes(StandardCharsets.UTF_8)))))))));
    }

    private Route submit() {
        return withSizeLimit(maxBodyBytes, () -> parameterOptional("name", name ->
                entity(Unmarshaller.entityToString(), body -> reply(state.submit(body, name.orElse(null)).thenApply(r -> {
                    if (r.error() != null) {
                        return error(400, r.error());
                    }
                    ObjectNode o = CampaignJson.MAPPER.createObjectNode();
                    o.put("id", r.id());
                    return json(201, o).addHeader(RawHeader.create("Location", "/api/campaigns/" + r.id()));
                })))));
    }

    private Route campaign(String id) {
        if (!id.matches(ID)) {
            return complete(error(404, "no campaign with id '" + abbreviate(id) + "'"));
        }
        return concat(
                pathEndOrSingleSlash(() -> get(() -> reply(state.get(id).thenApply(v -> v == null
                        ? error(404, "no campaign with id '" + id + "'; GET /api/campaigns lists them")
                        : json(200, CampaignJson.detail(v)))))),
                path("stop", () -> post(() -> authorized(() -> control(id, ManagerProtocol.Action.STOP)))),
                path("pause", () -> post(() -> authorized(() -> control(id, ManagerProtocol.Action.PAUSE)))),
                path("resume", () -> post(() -> authorized(() -> control(id, ManagerProtocol.Action.RESUME)))),
                path(PathMatchers.segment("models").slash("latest"), () -> get(() -> parameterOptional("member",
                        m -> download(id, ManagerProtocol.What.MODEL, m)))),
                path("export", () -> get(() -> parameterOptional("format", f -> {
                    String format = f.orElse("");
                    return switch (format) {
                        case "extxyz" -> download(id, ManagerProtocol.What.EXTXYZ, Optional.empty());
                        case "deepmd" -> download(id, ManagerProtocol.What.DEEPMD, Optional.empty());
                        default -> complete(error(400, "export needs ?format=extxyz or ?format=deepmd, got '"
                                + abbreviate(format) + "'"));
                    };
                }))));
    }

    private Route control(String id, ManagerProtocol.Action action) {
        return reply(state.control(id, action).thenApply(r -> {
            if (r.code() != 200) {
                return error(r.code(), r.message());
            }
            ObjectNode o = CampaignJson.MAPPER.createObjectNode();
            o.put("id", id);
            o.put("message", r.message());
            return json(200, o);
        }));
    }

    private Route download(String id, ManagerProtocol.What what, Optional<String> memberText) {
        int member = -1;
        if (memberText.isPresent()) {
            try {
                member = Integer.parseInt(memberText.get());
            } catch (NumberFormatException e) {
                member = -2;
            }
            if (member < 0) {
                return complete(error(400, "member must be an ensemble member index >= 0, got '"
                        + abbreviate(memberText.get()) + "'"));
            }
        }
        return reply(state.download(id, what, member).thenApply(d -> {
            if (d.code() != 200) {
                return error(d.code(), d.error());
            }
            ContentType ct = ContentTypes.parse(d.contentType().startsWith("application/zip")
                    ? "application/zip" : d.contentType() + "; charset=utf-8");
            HttpResponse r = HttpResponse.create().withEntity(ct, d.bytes())
                    .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\""));
            for (var h : d.headers().entrySet()) {
                r = r.addHeader(RawHeader.create(h.getKey(), h.getValue()));
            }
            return r;
        }));
    }

    /** Runs {@code inner} only with {@code Authorization: Bearer TOKEN}; else 401 JSON. */
    private Route authorized(Supplier<Route> inner) {
        return optionalHeaderValueByName("Authorization", h -> {
            String v = h.orElse("");
            boolean ok = v.startsWith("Bearer ") && MessageDigest.isEqual(
                    v.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
            if (!ok) {
                return complete(error(401, h.isEmpty() ? "this endpoint needs the header Authorization: Bearer TOKEN"
                        + " (the service's token)" : "the bearer token is not valid")
                        .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"eelt\"")));
            }
            return inner.get();
        });
    }

    private Route reply(CompletionStage<HttpResponse> response) {
        return onComplete(response, t -> {
            if (t.isSuccess()) {
                return complete(t.get());
            }
            Throwable e = t.failed().get();
            LOG.warn("request failed: {}", e.toString());
            return complete(error(503, "the campaign manager did not answer in time (" + e.getMessage()
                    + "); retry"));
        });
    }

    private static HttpResponse json(int code, JsonNode body) {
        return HttpResponse.create().withStatus(code).withEntity(ContentTypes.APPLICATION_JSON, body.toString());
    }

    /** @return a JSON error response {@code {"error": message}} */
    public static HttpResponse error(int code, String message) {
        ObjectNode o = CampaignJson.MAPPER.createObjectNode();
        o.put("error", message);
        return json(code, o);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private static ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .match(EntityStreamSizeException.class, e -> new AllDirectives() { }.complete(
                        error(413, "the request body is too large (limit " + e.limit() + " bytes)")))
                .match(Throwable.class, e -> {
                    LOG.error("unexpected error in a request", e);
                    return new AllDirectives() { }.complete(error(500, "internal error: " + e));
                })
                .build();
    }

    private static RejectionHandler rejections() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(r -> {
            if (r.entity() instanceof HttpEntity.Strict s && !r.entity().getContentType().equals(
                    ContentTypes.APPLICATION_JSON)) {
                String text = s.getData().utf8String();
                return error(r.status().intValue(), text.isBlank() ? r.status().reason() : text)
                        .withHeaders(r.getHeaders());
            }
            return r;
        });
    }

}
