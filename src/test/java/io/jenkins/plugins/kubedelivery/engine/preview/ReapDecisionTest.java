package io.jenkins.plugins.kubedelivery.engine.preview;

import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.namespace;
import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.owned;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** What a reap deletes and why, decided from the listed namespaces, the open pull requests and the time alone. */
public class ReapDecisionTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static NamespaceInfo ns(String name, Map<String, String> labels, String expiresAt, String phase) {
        return KubectlClient.toNamespace(namespace(name, labels, expiresAt == null ? Map.of()
                : Map.of(Ownership.EXPIRES_AT, expiresAt), phase));
    }

    @Test
    public void expiredClosedAndUnreadableGoWithTheirReasonsAndTheRestIsKeptWithTheirs() {
        List<NamespaceInfo> listed = List.of(
                ns("pr-1-shop", owned("1", "shop"), "2026-11-22T11:59:59Z", "Active"),
                ns("pr-2-shop", owned("2", "shop"), "2026-11-23T00:00:00Z", "Active"),
                ns("pr-3-shop", owned("3", "shop"), "2026-11-23T00:00:00Z", "Active"),
                ns("pr-4-shop", owned("4", "shop"), "next tuesday", "Active"),
                ns("pr-5-shop", owned("5", "shop"), "2026-11-01T00:00:00Z", "Terminating"),
                ns("team-db", Map.of("team", "db"), "2026-11-01T00:00:00Z", "Active"));

        ReapDecision decision = ReapDecision.decide(listed, Set.of("2"), NOW);

        assertEquals(List.of("pr-1-shop: expired at 2026-11-22T11:59:59Z", "pr-3-shop: PR 3 is no longer open",
                "pr-4-shop: its expiry 'next tuesday' is unreadable"),
                decision.doomed().stream().map(d -> d.namespace().name() + ": " + d.reason()).toList());
        assertEquals(Map.of("pr-2-shop", "open and not expired", "pr-5-shop", "already being deleted",
                "team-db", "not owned by kube-delivery"), decision.kept());
        assertEquals("each doomed namespace keeps the identity it was listed with", PreviewFixtures.uid("pr-1-shop"),
                decision.doomed().get(0).namespace().uid());
    }

    @Test
    public void withoutOpenPullRequestsOnlyExpiryCounts() {
        ReapDecision decision = ReapDecision.decide(List.of(ns("pr-3-shop", owned("3", "shop"), "2026-11-23T00:00:00Z", "Active"),
                ns("pr-6-shop", owned("6", "shop"), null, "Active")), null, NOW);
        assertEquals(List.of(), decision.doomed());
        assertEquals(Set.of("pr-3-shop", "pr-6-shop"), decision.kept().keySet());
    }
}
