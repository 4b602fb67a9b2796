package com.example.shop.payments;

import com.example.shop.common.HealthServer;
import com.example.shop.common.Money;
import com.sun.net.httpserver.HttpServer;

/** The payments service: takes a payment and books it in the ledger (a stand-in for the real thing). */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String provider = System.getenv().getOrDefault("PAYMENTS_PROVIDER", "sandbox");
        HttpServer server = HealthServer.start(8080, () -> true);
        server.createContext("/api/payments", exchange -> {
            Money charged = new Money(1999, "EUR");
            HealthServer.answer(exchange, 200, "{\"provider\":\"" + provider + "\",\"charged\":" + charged.minorUnits() + "}");
        });
    }
}
