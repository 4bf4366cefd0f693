package org.eelt.deploy.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client of the service's HTTP API on {@link java.net.http.HttpClient}. Errors become
 * {@link ServiceCliException}s with the documented exit status: a refused request (4xx) is bad
 * input (2), a connection failure or timeout is "server unreachable" (3).
 */
final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param server  base URL, e.g. http://127.0.0.1:8080
     * @param token   bearer token, or null
     * @param timeout per-request timeout
     */
    ServiceClient(String server, String token, Duration timeout) {
        URI u;
        try {
            u = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
        } catch (IllegalArgumentException e) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "--server '" + server + "' is not a URL: "
                    + e.getMessage());
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "--server must be an http(s) URL such as"
                    + " http://127.0.0.1:8080, got '" + server + "'");
        }
        this.base = u;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** POST /api/campaigns; @return the new id */
    String submit(String specText, String name) {
        String q = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return json(send(request("/api/campaigns" + q).header("Content-Type", "application/hocon; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(specText)).build())).path("id").asText();
    }

    /** GET a JSON resource. */
    JsonNode get(String path) {
        return json(send(request(path).GET().build()));
    }

    /** POST an action without body. */
    JsonNode post(String path) {
        return json(send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** GET raw bytes. */
    byte[] bytes(String path) {
        return send(request(path).timeout(timeout.multipliedBy(10)).GET().build()).body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<byte[]> send(HttpRequest r) {
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new ServiceCliException(ServiceCliException.UNREACHABLE, "the server at " + base
                    + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCliException(1, "interrupted");
        }
        int code = resp.statusCode();
        if (code >= 200 && code < 300) {
            return resp;
        }
        String msg = new String(resp.body(), StandardCharsets.UTF_8);
        try {
            JsonNode n = JSON.readTree(msg);
            if (n.hasNonNull("error")) {
                msg = n.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: the raw text is the message
        }
        if (code == 401) {
            msg += " (give the token with --token or the environment variable EELT_TOKEN)";
        }
        throw new ServiceCliException(code < 500 ? ServiceCliException.BAD_INPUT : 1,
                "the server refused the request (HTTP " + code + "): " + msg);
    }

    private ServiceCliException unreachable(Exception e) {
        return new ServiceCliException(ServiceCliException.UNREACHABLE, "cannot reach the EELT server at " + base
                + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "); is `eelt serve` running there?");
    }

    private static JsonNode json(HttpResponse<byte[]> resp) {
        try {
            return JSON.readTree(resp.body());
        } catch (IOException e) {
            throw new ServiceCliException(1, "the server sent invalid JSON: " + e.getMessage());
        }
    }
}
