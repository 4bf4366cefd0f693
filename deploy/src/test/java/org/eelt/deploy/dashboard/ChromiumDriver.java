package org.eelt.deploy.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives a real headless Chromium (Debian {@code chromium}) over the DevTools protocol, for tests
 * of the dashboard. It starts the browser with
 * {@code --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
 * --disable-background-networking --disable-component-update --disable-sync
 * --user-data-dir=<new temp dir> --window-size=W,H --remote-debugging-port=0 about:blank},
 * reads the chosen port from {@code DevToolsActivePort}, attaches to the page over a
 * {@link java.net.http.WebSocket} and then navigates, evaluates JavaScript (to wait for live
 * Server-Sent-Event updates, which {@code --dump-dom} with a virtual time budget cannot wait for on
 * an endless stream), reads the DOM and takes PNG screenshots. JavaScript exceptions and console
 * errors of the page are collected. A watchdog kills the browser and all its child processes after
 * a hard deadline even if the test hangs; {@link #close()} does the same at once and deletes the
 * profile directory.
 */
final class ChromiumDriver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> pageErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread watchdog;

    private ChromiumDriver(Process process, Path profile, WebSocket socket, Duration deadline) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
                System.err.println("ChromiumDriver: deadline of " + deadline + " passed, killing chromium");
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chromium-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * @return the Chromium binary: {@code $EELT_CHROMIUM}, else {@code chromium},
     * {@code chromium-browser} or {@code google-chrome} on the PATH or in /usr/bin
     */
    static Optional<Path> find() {
        String env = System.getenv("EELT_CHROMIUM");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.add(Path.of("/usr/bin"));
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (Path d : dirs) {
                Path p = d.resolve(name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Chromium and attaches to its blank page.
     *
     * @param binary   the browser
     * @param width    window width, px
     * @param height   window height, px
     * @param deadline the browser is killed after this, whatever happens
     * @return the driver
     * @throws IOException when the browser cannot start or does not open its DevTools port in 30 s
     */
    static ChromiumDriver start(Path binary, int width, int height, Duration deadline) throws IOException {
        Path profile = Files.createTempDirectory("eelt-chromium-");
        List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(p, profile);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String wsUrl = null;
            for (int i = 0; i < 100 && wsUrl == null; i++) {
                JsonNode list = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : list) {
                    if ("page".equals(t.path("type").asText())) {
                        wsUrl = t.path("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (wsUrl == null) {
                    Thread.sleep(100);
                }
            }
            if (wsUrl == null) {
                throw new IOException("chromium opened DevTools on port " + port + " but shows no page target");
            }
            Holder holder = new Holder();
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(wsUrl), holder.listener()).get(10, TimeUnit.SECONDS);
            ChromiumDriver d = new ChromiumDriver(p, profile, ws, deadline);
            holder.driver = d;
            d.call("Runtime.enable", null);
            d.call("Page.enable", null);
            return d;
        } catch (IOException | RuntimeException e) {
            killTree(p);
            throw e;
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting chromium", e);
        } catch (ExecutionException | TimeoutException e) {
            killTree(p);
            throw new IOException("cannot attach to chromium's DevTools: " + e, e);
        }
    }

    private static int devToolsPort(Process p, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IOException("chromium exited with status " + p.exitValue() + ": "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium did not open its DevTools port within 30 s; log: "
                + Files.readString(profile.resolve("chromium.log")));
    }

    /** Receives DevTools messages: replies complete their call, events are inspected for page errors. */
    private static final class Holder {
        volatile ChromiumDriver driver;
        private final StringBuilder partial = new StringBuilder();

        WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String msg = partial.toString();
                        partial.setLength(0);
                        ChromiumDriver d = driver;
                        if (d != null) {
                            d.onMessage(msg);
                        }
                    }
                    ws.request(1);
                    return null;
                }
            };
        }
    }

    private void onMessage(String msg) {
        JsonNode m;
        try {
            m = JSON.readTree(msg);
        } catch (IOException e) {
            pageErrors.add("unreadable DevTools message: " + e.getMessage());
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asLong());
            if (f != null) {
                if (m.has("error")) {
                    f.completeExceptionally(new IllegalStateException("DevTools error: " + m.get("error")));
                } else {
                    f.complete(m.path("result"));
                }
            }
            return;
        }
        String method = m.path("method").asText();
        JsonNode params = m.path("params");
        if ("Runtime.exceptionThrown".equals(method)) {
            JsonNode ex = params.path("exceptionDetails");
            pageErrors.add("exception: " + ex.path("exception").path("description").asText(ex.path("text").asText()));
        } else if ("Runtime.consoleAPICalled".equals(method) && "error".equals(params.path("type").asText())) {
            pageErrors.add("console.error: " + params.path("args").toString());
        }
    }

    /**
     * Sends one DevTools command and waits for its reply.
     *
     * @param method e.g. {@code Page.navigate}
     * @param params parameters or null
     * @return the {@code result} object
     */
    JsonNode call(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            synchronized (socket) {
                socket.sendText(msg.toString(), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return f.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("DevTools " + method + " failed: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Opens {@code url} in the page and waits until that document has loaded.
     *
     * @throws IllegalStateException when the page cannot be opened or does not load in 20 s
     */
    void navigate(String url) throws InterruptedException {
        JsonNode r = call("Page.navigate", JSON.createObjectNode().put("url", url));
        if (r.hasNonNull("errorText")) {
            throw new IllegalStateException("chromium could not open " + url + ": " + r.get("errorText").asText());
        }
        String loaded = "location.href === " + JSON.valueToTree(url) + " && document.readyState === 'complete'";
        if (!waitFor(loaded, Duration.ofSeconds(20))) {
            throw new IllegalStateException(url + " did not finish loading in chromium within 20 s");
        }
    }

    /**
     * Evaluates a JavaScript expression in the page (promises are awaited).
     *
     * @return its value as JSON (null when undefined)
     */
    JsonNode eval(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript `" + expression + "` threw: "
                    + r.path("exceptionDetails").path("exception").path("description").asText());
        }
        return r.path("result").path("value");
    }

    /**
     * Polls a JavaScript condition every 200 ms (an exception while it is evaluated, e.g. during
     * a navigation, counts as false).
     *
     * @return whether it became true within {@code timeout}
     */
    boolean waitFor(String condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String guarded = "(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()";
        while (System.nanoTime() < end) {
            if (eval(guarded).asBoolean(false)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** @return the serialized DOM of the page, as {@code --dump-dom} prints it */
    String dom() {
        return eval("document.documentElement.outerHTML").asText();
    }

    /**
     * Takes a PNG screenshot of the whole page (beyond the window when the page is taller).
     *
     * @param out the file to write
     */
    void screenshot(Path out) throws IOException {
        JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("scale", 1)
                .put("width", Math.ceil(size.path("width").asDouble(1400)))
                .put("height", Math.ceil(size.path("height").asDouble(1000)));
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, png);
    }

    /** @return JavaScript exceptions and console errors of the page so far */
    List<String> pageErrors() {
        synchronized (pageErrors) {
            return List.copyOf(pageErrors);
        }
    }

    @Override
    public void close() {
        watchdog.interrupt();
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the browser is killed below either way
            System.err.println("ChromiumDriver: DevTools socket did not close cleanly: " + e);
        }
        kill();
        deleteTree(profile);
    }

    private void kill() {
        killTree(process);
    }

    private static void killTree(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        p.destroy();
        all.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("ChromiumDriver: could not delete the profile " + dir + ": " + e);
        }
    }
}
