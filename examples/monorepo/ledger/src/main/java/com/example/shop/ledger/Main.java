package com.example.shop.ledger;

import com.example.shop.common.HealthServer;
import com.example.shop.common.Money;
import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.atomic.AtomicReference;

/** The ledger service: keeps the balance of every booking (a stand-in for the real thing). */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String currency = System.getenv().getOrDefault("LEDGER_CURRENCY", "EUR");
        AtomicReference<Money> balance = new AtomicReference<>(new Money(0, currency));
        HttpServer server = HealthServer.start(8080, () -> true);
        server.createContext("/api/balance", exchange ->
                HealthServer.answer(exchange, 200, "{\"balance\":" + balance.get().minorUnits() + "}"));
    }
}
