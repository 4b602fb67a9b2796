package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP front end on 127.0.0.1: logs every request, applies the faults a test switched on,
 * and routes to discovery, OpenAPI, watches or the resource API. Responses are always JSON.
 */
final class ApiServer {
    private final ObjectStore store;
    private final ResourceCatalog catalog;
    private final Discovery discovery;
    private final AggregatedDiscovery aggregatedDiscovery;
    private final ResourceApi resources;
    private final Scales scales;
    private final Faults faults;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;
    private volatile boolean serving;
    private int port;

    ApiServer(ObjectStore store, ResourceCatalog catalog, CustomResourceDefinitions definitions, Faults faults) {
        this.store = store;
        this.catalog = catalog;
        this.discovery = new Discovery(catalog, definitions);
        this.aggregatedDiscovery = new AggregatedDiscovery(catalog);
        this.resources = new ResourceApi(store, definitions);
        this.scales = new Scales(resources);
        this.faults = faults;
    }

    /** Listens on the given port, or on a free one when it is 0. */
    synchronized void start(int requestedPort) throws IOException {
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "testcluster-api-" + requestedPort);
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        serving = true;
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening and ends open watches; the objects stay, so {@link #start} can resume. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        serving = false;
        store.wakeWatchers();
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    int port() {
        return port;
    }

    /** The resource API the server answers with, for writes a test makes without a client. */
    ResourceApi resources() {
        return resources;
    }

    List<RecordedRequest> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        Map<String, String> query = query(uri.getRawQuery());
        Optional<RequestPath> resourcePath = RequestPath.parse(uri.getPath(), catalog);
        String resource = resourcePath.map(p -> p.type().plural()).orElse(uri.getPath());
        ApiResponse response;
        try {
            pause(faults.delayFor(method, resource));
            Optional<Integer> injected = faults.takeFailure(method, resource);
            if (injected.isPresent()) {
                response = injected(exchange, injected.get());
            } else if (resourcePath.isPresent() && isWatch(method, resourcePath.get(), query)) {
                requests.add(new RecordedRequest(method, pathAndQuery, contentType, 200));
                watch(exchange, resourcePath.get(), query);
                return;
            } else if (method.equals("GET") && uri.getPath().equals("/openapi/v2")) {
                requests.add(new RecordedRequest(method, pathAndQuery, contentType, 200));
                sendEmptyOpenApiV2(exchange);
                return;
            } else {
                response = route(exchange, method, uri.getPath(), resourcePath, query, contentType);
            }
        } catch (ApiException e) {
            response = new ApiResponse(e.code(), e.status());
        } catch (RuntimeException e) {
            e.printStackTrace();
            response = new ApiResponse(500, ApiException.statusBody(500, "InternalError", String.valueOf(e)));
        }
        // Recorded before the answer leaves, so the log's order is the order clients saw.
        requests.add(new RecordedRequest(method, pathAndQuery, contentType, response.code()));
        send(exchange, response);
    }

    private ApiResponse route(HttpExchange exchange, String method, String path, Optional<RequestPath> resourcePath,
            Map<String, String> query, String contentType) throws IOException {
        if (resourcePath.isPresent()) {
            return resource(exchange, method, resourcePath.get(), query, contentType);
        }
        String trimmed = path.replaceAll("/+$", "");
        if (method.equals("GET") && (trimmed.equals("/api") || trimmed.equals("/apis"))
                && AggregatedDiscovery.wanted(exchange.getRequestHeaders().getFirst("Accept"))) {
            return new ApiResponse(200, aggregatedDiscovery.list(trimmed.equals("/api")), AggregatedDiscovery.CONTENT_TYPE);
        }
        Optional<JsonNode> body = method.equals("GET") ? nonResource(path) : Optional.empty();
        return body.map(ApiResponse::ok).orElseThrow(
                () -> new ApiException(404, "NotFound", "the server could not find the requested resource"));
    }

    private Optional<JsonNode> nonResource(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.equals("/version")) {
            return Optional.of(Discovery.version());
        } else if (trimmed.equals("/api")) {
            return Optional.of(Discovery.coreVersions("127.0.0.1:" + port));
        } else if (trimmed.equals("/apis")) {
            return Optional.of(discovery.groups());
        } else if (trimmed.equals("/api/v1")) {
            return discovery.resources("", "v1").map(JsonNode.class::cast);
        } else if (trimmed.equals("/openapi/v3")) {
            return Optional.of(discovery.openApiIndex());
        } else if (trimmed.startsWith("/openapi/v3/")) {
            return discovery.openApiDocument(trimmed.substring("/openapi/v3/".length())).map(JsonNode.class::cast);
        }
        String[] parts = trimmed.split("/");
        if (parts.length == 4 && parts[1].equals("apis")) {
            return discovery.resources(parts[2], parts[3]).map(JsonNode.class::cast);
        }
        return Optional.empty();
    }

    private ApiResponse resource(HttpExchange exchange, String method, RequestPath path, Map<String, String> query,
            String contentType) throws IOException {
        boolean dryRun = query.containsKey("dryRun");
        if (ResourceCatalog.readOnly(path.type()) && !method.equals("GET")) {
            throw new ApiException(405, "MethodNotAllowed", path.type().plural() + " are read-only in the test cluster");
        }
        boolean table = wantsTable(exchange);
        if ("scale".equals(path.subresource()) && Scales.scalable(path.type())) {
            return ApiResponse.ok(method.equals("GET") ? scales.get(path) : scales.write(path, method,
                    String.valueOf(contentType), RequestBodies.decode(contentType, body(exchange)), query));
        }
        switch (method) {
            case "GET":
                if (path.isCollection()) {
                    JsonNode list = resources.list(path, query);
                    return ApiResponse.ok(table ? asTable(path, list, query) : list);
                }
                ObjectNode object = resources.get(path);
                return ApiResponse.ok(table
                        ? Tables.table(path.type(), List.of(object), store.revision(), query.get("includeObject"))
                        : object);
            case "POST":
                return resources.create(path, RequestBodies.decode(contentType, body(exchange)), query);
            case "PUT":
                return ApiResponse.ok(resources.replace(path, RequestBodies.decode(contentType, body(exchange)), query));
            case "PATCH":
                return resources.patch(path, contentType == null ? "" : contentType,
                        RequestBodies.decode(contentType, body(exchange)), query);
            case "DELETE":
                JsonNode options = deleteOptions(contentType, body(exchange));
                return ApiResponse.ok(resources.delete(path, Preconditions.of(options),
                        dryRun || options.path("dryRun").size() > 0));
            default:
                throw new ApiException(405, "MethodNotAllowed", method + " is not supported");
        }
    }

    private JsonNode asTable(RequestPath path, JsonNode list, Map<String, String> query) {
        List<ObjectNode> items = new ArrayList<>();
        list.path("items").forEach(item -> items.add((ObjectNode) item));
        long revision = list.path("metadata").path("resourceVersion").asLong();
        return Tables.table(path.type(), items, revision, query.get("includeObject"));
    }

    private void watch(HttpExchange exchange, RequestPath path, Map<String, String> query) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean completed;
        try {
            completed = new WatchStream(store, path, query, faults.takeWatchDrop(), wantsTable(exchange))
                    .stream(out, () -> serving);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completed = true;
        } catch (IOException clientLeft) {
            exchange.close();
            return;
        }
        if (!completed) {
            // Leaving by an exception makes the HTTP server close the connection without the final
            // chunk: the client sees the stream break, as when a proxy or the API server dies.
            throw new IOException("watch dropped by an injected fault");
        }
        out.close();
        exchange.close();
    }

    private static boolean wantsTable(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("as=Table");
    }

    private static boolean isWatch(String method, RequestPath path, Map<String, String> query) {
        String watch = query.get("watch");
        return method.equals("GET") && path.isCollection() && ("true".equals(watch) || "1".equals(watch));
    }

    private static ApiResponse injected(HttpExchange exchange, int status) {
        String reason = switch (status) {
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            default -> "Unknown";
        };
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        return new ApiResponse(status, ApiException.statusBody(status, reason, "injected fault: " + reason));
    }

    /**
     * An OpenAPI v2 document that describes no type: zero bytes are an empty protobuf
     * {@code openapi_v2.Document}, which is what client-go asks for. Clients then skip their own
     * validation of kinds the v3 documents do not name (an unknown kind gets as far as the real
     * "no matches for kind" error) and compute patches from their compiled-in types.
     */
    private static void sendEmptyOpenApiV2(HttpExchange exchange) throws IOException {
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (accept.contains("protobuf")) {
            exchange.getResponseHeaders().set("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        ObjectNode document = Json.object();
        document.put("swagger", "2.0");
        document.putObject("info").put("title", "Kubernetes").put("version", Discovery.version().path("gitVersion").asText());
        document.putObject("paths");
        document.putObject("definitions");
        send(exchange, ApiResponse.ok(document));
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes = Json.bytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.code(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The DeleteOptions a DELETE may carry (kubectl sends JSON, chunked; helm protobuf), or an
     * empty object. client-go sends dryRun there, not in the query.
     */
    private static JsonNode deleteOptions(String contentType, byte[] body) {
        return body.length == 0 ? Json.object() : RequestBodies.decode(contentType, body);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
