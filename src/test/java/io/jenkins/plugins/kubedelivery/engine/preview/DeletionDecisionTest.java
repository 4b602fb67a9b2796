package io.jenkins.plugins.kubedelivery.engine.preview;

import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.namespace;
import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.owned;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** What deletePreviewNamespace does with the namespace it read, decided from what it read and whose preview was asked for. */
public class DeletionDecisionTest {
    private static Optional<NamespaceInfo> read(Map<String, String> labels, String phase) {
        return Optional.of(KubectlClient.toNamespace(namespace("pr-42-shop", labels, Map.of(), phase)));
    }

    @Test
    public void deletesThisPullRequestsLivePreview() {
        assertEquals(DeletionDecision.DELETE, DeletionDecision.decide(read(owned("42", "shop"), "Active"), "42", "shop"));
        assertEquals("a namespace given alone is checked for ownership only", DeletionDecision.DELETE,
                DeletionDecision.decide(read(owned("42", "shop"), "Active"), null, null));
    }

    @Test
    public void whatIsGoneOrGoingIsDoneWithoutADeletion() {
        assertEquals(DeletionDecision.ALREADY_GONE, DeletionDecision.decide(Optional.empty(), "42", "shop"));
        assertEquals(DeletionDecision.ALREADY_BEING_DELETED,
                DeletionDecision.decide(read(owned("42", "shop"), "Terminating"), "42", "shop"));
    }

    @Test
    public void refusesWhatThePluginDoesNotOwnEvenWhileItTerminates() {
        EngineException e = assertThrows(EngineException.class,
                () -> DeletionDecision.decide(read(Map.of("team", "db"), "Terminating"), "42", "shop"));
        assertEquals("namespace 'pr-42-shop' is not a kube-delivery preview (it lacks app.kubernetes.io/managed-by=kube-delivery"
                + " and kube-delivery.io/preview=true): refusing to delete it", e.getMessage());
    }

    @Test
    public void refusesAnotherPullRequestsOrRepositorysPreview() {
        EngineException pr = assertThrows(EngineException.class,
                () -> DeletionDecision.decide(read(owned("41", "shop"), "Active"), "42", "shop"));
        assertEquals("namespace 'pr-42-shop' belongs to PR 41, not PR 42: refusing to delete it", pr.getMessage());
        EngineException repository = assertThrows(EngineException.class,
                () -> DeletionDecision.decide(read(owned("42", "cart"), "Active"), "42", "shop"));
        assertEquals("namespace 'pr-42-shop' belongs to repository cart, not shop: refusing to delete it", repository.getMessage());
    }
}
