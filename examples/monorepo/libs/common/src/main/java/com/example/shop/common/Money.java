package com.example.shop.common;

/** An amount in minor units (cents), so sums are exact. */
public record Money(long minorUnits, String currency) {
    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, not " + currency);
        }
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }
}
