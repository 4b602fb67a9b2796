package com.example.shop.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** The endpoints the charts' probes call: /healthz (the process lives) and /ready (it can take traffic). */
public final class HealthServer {
    private HealthServer() {}

    public static HttpServer start(int port, BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/ready", exchange -> answer(exchange, ready.getAsBoolean() ? 200 : 503, "ready"));
        server.start();
        return server;
    }

    public static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
