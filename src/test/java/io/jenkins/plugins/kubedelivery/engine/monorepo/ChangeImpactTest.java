package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class ChangeImpactTest {
    private static final DeliveryCatalog CATALOG = ServiceCatalogReader.read("""
            services:
              payments:
                paths: [libs/common/, tools/codegen.sh]
              search:
                dependsOn: [payments]
              web:
                dependsOn: [search]
              rates:
                chart: oci://registry.example.com/charts/rates
            """, List.of("payments", "search", "web"), new ServiceCatalogReader.RepositoryProbe() {
                @Override
                public boolean isChart(String directory) {
                    return Set.of("helm/payments", "helm/search", "helm/web").contains(directory);
                }

                @Override
                public boolean isDirectory(String path) {
                    return true;
                }
            });

    private static List<String> impact(ChangedPath... changes) {
        return ChangeImpact.of(CATALOG, List.of(changes)).stream().map(AffectedService::toString).toList();
    }

    @Test
    public void aChangeInAServiceAffectsItAndWhatDependsOnItTransitively() {
        assertEquals(List.of(
                "payments: changed in payments/src/Api.java",
                "search: depends on payments, which changed in payments/src/Api.java",
                "web: depends on search, which depends on payments, which changed in payments/src/Api.java"),
                impact(ChangedPath.modified("payments/src/Api.java")));
    }

    @Test
    public void aLeafChangeAffectsOnlyTheLeaf() {
        assertEquals(List.of("web: changed in web/index.html"), impact(ChangedPath.modified("web/index.html")));
    }

    @Test
    public void chartsAndDeclaredPathsCountAndSeveralFilesAreCounted() {
        assertEquals(List.of("search: changed in helm/search/values.prod.yaml and 2 more files", "web: depends on search, which"
                + " changed in helm/search/values.prod.yaml and 2 more files"), impact(ChangedPath.modified("helm/search/values.prod.yaml"),
                ChangedPath.modified("search/a.go"), ChangedPath.modified("search/b.go")));
        assertEquals("payments: changed in libs/common/Money.java", impact(ChangedPath.modified("libs/common/Money.java")).get(0));
        assertEquals("payments: changed in tools/codegen.sh", impact(ChangedPath.modified("tools/codegen.sh")).get(0));
        assertEquals(List.of(), impact(ChangedPath.modified("tools/codegen.sh.bak"), ChangedPath.modified("libs/commons/x")));
    }

    @Test
    public void bothSidesOfARenameAndDeletionsCount() {
        assertEquals(List.of("payments: changed in web/Shared.java (renamed from payments/Shared.java)",
                "search: depends on payments, which changed in web/Shared.java (renamed from payments/Shared.java)",
                "web: changed in web/Shared.java (renamed from payments/Shared.java)"),
                impact(new ChangedPath('R', "web/Shared.java", "payments/Shared.java")));
        assertEquals("web: changed in web/old.css (deleted)", impact(new ChangedPath('D', "web/old.css", null)).get(0));
    }

    @Test
    public void deliveryYamlOrTheRootJenkinsfileAffectsEveryService() {
        assertEquals(List.of("payments: delivery.yaml changed, which may change every service",
                "search: delivery.yaml changed, which may change every service",
                "web: delivery.yaml changed, which may change every service",
                "rates: delivery.yaml changed, which may change every service"),
                impact(ChangedPath.modified("web/x"), ChangedPath.modified("delivery.yaml")));
        assertEquals(4, impact(ChangedPath.modified("Jenkinsfile")).size());
        assertEquals("a service's own Jenkinsfile is only its own", List.of("web: changed in web/Jenkinsfile"),
                impact(ChangedPath.modified("web/Jenkinsfile")));
    }

    @Test
    public void filesOutsideEveryServiceAffectNothing() {
        assertEquals(List.of(), impact(ChangedPath.modified("README.md"), ChangedPath.modified("docs/x.md")));
    }

    @Test
    public void aDirectoryRootOwnsWhatIsBelowItAndAPlainRootOwnsItselfToo() {
        assertEquals("a file named like the directory is not in it", List.of(), impact(ChangedPath.modified("libs/common")));
        assertEquals(List.of(), impact(ChangedPath.modified("helm/search"), ChangedPath.modified("helm/searchers/values.yaml"),
                ChangedPath.modified("payment/x")));
        assertEquals("payments: changed in tools/codegen.sh/x", impact(ChangedPath.modified("tools/codegen.sh/x")).get(0));
        assertEquals("payments: changed in libs/common/deep/er/Money.java",
                impact(ChangedPath.modified("libs/common/deep/er/Money.java")).get(0));
    }

    @Test
    public void eachAffectedServiceNamesTheAffectedServicesItDependsOn() {
        List<AffectedService> all = ChangeImpact.of(CATALOG, List.of(ChangedPath.modified("payments/src/Api.java")));
        assertEquals(List.of(List.of(), List.of("payments"), List.of("search")), all.stream().map(AffectedService::dependsOn).toList());
        assertEquals("search's dependency did not change: nothing to wait for", List.of(List.of()),
                ChangeImpact.of(CATALOG, List.of(ChangedPath.modified("search/a.go"))).stream().map(AffectedService::dependsOn).toList()
                        .subList(0, 1));
        assertEquals(List.of(List.of(), List.of("payments"), List.of("search"), List.of()),
                ChangeImpact.every(CATALOG, "first build").stream().map(AffectedService::dependsOn).toList());
    }
}
