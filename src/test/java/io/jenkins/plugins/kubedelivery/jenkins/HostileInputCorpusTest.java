package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.kubedelivery.jenkins.canary.AbstractCanaryControlStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryAbortStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryPromoteStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryShiftStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryStatusStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.ErrorRateCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.GatewayApiCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.canary.IstioCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.canary.LatencyCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.NginxCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.canary.PrometheusQueryCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.ReplicasCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.RollbackServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.monorepo.ChangedServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.CreatePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.DeletePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.ReapPreviewNamespacesStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCertificates;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.KubectlReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepOutcome;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretKey;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import io.jenkins.plugins.kubedelivery.testsupport.TestVault;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Hostile and merely unusual inputs for every parameter of every step, run through the step
 * classes with helm and kubectl replaced by canned outputs. Each row ends one of three ways:
 * <ul>
 * <li>{@code refused}: the step fails naming the parameter, before any command runs;
 * <li>{@code refusedAfterReading}: it fails naming the parameter after read-only commands only,
 *     for what only the cluster can tell (a revision not in the history);
 * <li>{@code accepted}: the parameter is not refused, and the documented rewrite shows in what the
 *     commands received (their arguments and the staged files they read); {@code !text} means the
 *     text must not show.
 * </ul>
 * For every row, no argument of any command holds a character the agent's shell would interpret.
 * Every parameter of every step has at least one row (checked when the rows are built).
 */
@RunWith(Parameterized.class)
public class HostileInputCorpusTest {
    private static final String DEPLOY = "deployService";
    private static final String DEPLOYS = "deployServices";
    private static final String ROLLBACK = "rollbackService";
    private static final String CREATE = "createPreviewNamespace";
    private static final String DELETE = "deletePreviewNamespace";
    private static final String REAP = "reapPreviewNamespaces";
    private static final String CHANGED = "changedServices";
    private static final String CANARY = "canaryShift";
    private static final String STATUS = "canaryStatus";
    private static final String ABORT = "canaryAbort";
    private static final String PROMOTE = "canaryPromote";
    private static final Set<String> READ_ONLY = Set.of("version", "history", "get", "status");

    private static final List<Object[]> ROWS = new ArrayList<>();

    static {
        // deployService: names (DNS labels, release names), and what the monorepo layout makes of them
        refused(DEPLOY, "service", "$(id)");
        refused(DEPLOY, "service", "`id`");
        refused(DEPLOY, "service", "payments;rm -rf /");
        refused(DEPLOY, "service", "payments && id");
        refused(DEPLOY, "service", "../payments");
        refused(DEPLOY, "service", "Payments");
        refused(DEPLOY, "service", "pay ments");
        refused(DEPLOY, "service", "a".repeat(64));
        refused(DEPLOY, "service", "pay\nments");
        accepted(DEPLOY, "service", " payments\n", "upgrade --install payments");
        refused(DEPLOY, "service", "");
        refused(DEPLOY, "environment", "../../etc");
        refused(DEPLOY, "environment", "stage|id");
        refused(DEPLOY, "environment", "staging");
        refused(DEPLOY, "environment", "Prod");
        accepted(DEPLOY, "environment", "prod", "values.prod.yaml");
        refused(DEPLOY, "namespace", "kube-system;id");
        refused(DEPLOY, "namespace", "$HOME");
        refused(DEPLOY, "namespace", "-n");
        accepted(DEPLOY, "namespace", "payments-stage", "--namespace payments-stage");
        refused(DEPLOY, "release", "r".repeat(54));
        refused(DEPLOY, "release", "--set=x");
        refused(DEPLOY, "release", "payments\"");
        accepted(DEPLOY, "release", "payments.eu", "upgrade --install payments.eu");
        // chart: paths inside the workspace only, symbolic links included
        refused(DEPLOY, "chart", "/etc");
        refused(DEPLOY, "chart", "../../outside");
        refused(DEPLOY, "chart", "helm/../../outside");
        refused(DEPLOY, "chart", "~/charts/payments");
        refused(DEPLOY, "chart", "C:\\charts\\payments");
        refused(DEPLOY, "chart", "links/outside-chart");
        refused(DEPLOY, "chart", "payments/src");
        refused(DEPLOY, "chart", "https://evil.example.com/chart.tgz");
        accepted(DEPLOY, "chart", "helm/./payments", "helm/payments");
        accepted(DEPLOY, "chart", "links/inside-chart", "links/inside-chart");
        refused(DEPLOY, "chart", "helm/leaky-values");
        refused(DEPLOY, "chart", "helm/leaky-files");
        refused(DEPLOY, "version", "$(id)");
        refused(DEPLOY, "version", ">=1.0,<2");
        accepted(DEPLOY, "version", "1.4.2", "--version 1.4.2");
        refused(DEPLOY, "imageTagKey", "image tag", "imageTag", "1.0");
        // valuesFiles: workspace files only
        refused(DEPLOY, "valuesFiles", List.of("../secrets.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("/etc/passwd"));
        refused(DEPLOY, "valuesFiles", List.of("links/outside-values.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("helm/payments/values.nope.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("helm/payments/values.yaml", "$(id).yaml"));
        refused(DEPLOY, "valuesFiles", Arrays.asList("helm/payments/values.yaml", null));
        accepted(DEPLOY, "valuesFiles", List.of("links/inside-values.yaml"), "links/inside-values.yaml");
        // secrets:// (helm-secrets): the path after the prefix is held to the same rules, and helm gets the prefix
        refused(DEPLOY, "valuesFiles", List.of("secrets://../secrets.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("secrets:///etc/passwd"));
        refused(DEPLOY, "valuesFiles", List.of("secrets://links/outside-values.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("secrets://helm/payments/secrets.stage.yaml"));
        refused(DEPLOY, "valuesFiles", List.of("secrets://$(id).yaml"));
        accepted(DEPLOY, "valuesFiles", List.of("secrets://links/inside-values.yaml"), "--values secrets:///");
        refused(CANARY, "valuesFiles", List.of("secrets://../secrets.yaml"));
        // values: data travels in a file, whatever it holds
        accepted(DEPLOY, "values", Map.of("greeting", "$(id) `id` \"quoted\" \\back"), "$(id)");
        accepted(DEPLOY, "values", Map.of("multi", "line one\nline two"), "line two");
        accepted(DEPLOY, "values", Map.of("big", Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE));
        refused(DEPLOY, "values", Map.of("a,b", "x"));
        refused(DEPLOY, "values", Map.of("a=b", "x"));
        refused(DEPLOY, "values", Map.of("a b", "x"));
        refused(DEPLOY, "values", Map.of("obj", new Object()));
        // secretValues: like values, text only, into the same 0600 file
        accepted(DEPLOY, "secretValues", Map.of("db.password", "p$(id)`x`\"q\"\\b"), "password");
        accepted(DEPLOY, "secretValues", Map.of("tls.key", "-----BEGIN KEY-----\nabc\n-----END KEY-----"), "tls");
        refused(DEPLOY, "secretValues", Map.of("a b", "x"));
        refused(DEPLOY, "secretValues", Map.of("a,b", "x"));
        refused(DEPLOY, "secretValues", Map.of("db.port", 5432));
        // vaultSecrets: read when the deploy runs, into the same 0600 file; a bad entry, path or key stops it before any command
        accepted(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"), "p$(id)`x`");
        accepted(DEPLOY, "vaultSecrets", vault("kv/payments", 1, "tls_key", "tls.key"), "-----END KEY-----");
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 3, "db_password", "db.password"));
        refused(DEPLOY, "vaultSecrets", vault(" ", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments stage", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db password"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password,x=y"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password", "db_password", "db.other"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_user", "db.user"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/nope", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultSecrets", vault("kv/payments", 2, "tls_key", "tls.key"));
        refused(DEPLOY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"), "secretValues",
                Map.of("db.password", "given-twice"));
        refused(DEPLOY, "vaultSecrets", List.of(new VaultSecretPath("secret/payments/stage", List.of(new VaultSecretKey("db_password",
                "db.password"))), new VaultSecretPath("kv/payments", List.of(new VaultSecretKey("tls_key", "db.password")))));
        refused(DEPLOY, "vaultUrl", "file:///etc/passwd", "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultUrl", "https://root:s3cret@vault.example.com", "vaultSecrets",
                vault("secret/payments/stage", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultUrl", "https://vault.example.com");
        accepted(DEPLOY, "vaultUrl", " https://vault.payments.example.com:8200 ", "at https://vault.payments.example.com:8200 (",
                "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"));
        refused(DEPLOY, "vaultCredentialId", "payments-vault");
        accepted(DEPLOY, "vaultCredentialId", "payments-vault", "with credential payments-vault", "vaultSecrets",
                vault("secret/payments/stage", 2, "db_password", "db.password"));
        // image tag and repository
        refused(DEPLOY, "imageTag", "1.0,image.repository=evil");
        refused(DEPLOY, "imageTag", "1.0\nreplicaCount: 99");
        refused(DEPLOY, "imageTag", "$(git rev-parse HEAD)");
        refused(DEPLOY, "imageTag", "x".repeat(129));
        refused(DEPLOY, "imageTag", "-1.0");
        accepted(DEPLOY, "imageTag", "v1.4.2-rc.1_build.7", "v1.4.2-rc.1_build.7");
        accepted(DEPLOY, "imageTag", "0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567");
        refused(DEPLOY, "imageRepository", "Registry/Evil");
        refused(DEPLOY, "imageRepository", "registry.example.com/team/payments;id");
        accepted(DEPLOY, "imageRepository", "registry.example.com:5000/team/payments", "registry.example.com:5000/team/payments");
        refused(DEPLOY, "imageTagKey", "image tag");
        refused(DEPLOY, "imageTagKey", "image..tag");
        refused(DEPLOY, "imageRepositoryKey", "image.repository,x=y");
        // durations: one form, one range
        refused(DEPLOY, "timeout", "9999h");
        refused(DEPLOY, "timeout", "6h1s");
        refused(DEPLOY, "timeout", "0s");
        refused(DEPLOY, "timeout", "-5m");
        refused(DEPLOY, "timeout", "5 minutes");
        refused(DEPLOY, "timeout", "PT5M");
        refused(DEPLOY, "timeout", "1e3s");
        refused(DEPLOY, "timeout", "99999999999999999999s");
        refused(DEPLOY, "timeout", "5m;id");
        accepted(DEPLOY, "timeout", "6h", "--timeout 21600s");
        accepted(DEPLOY, "timeout", "1h30m", "--timeout 5400s");
        accepted(DEPLOY, "timeout", " 90S ", "--timeout 90s");
        refused(DEPLOY, "historyMax", -1);
        refused(DEPLOY, "historyMax", Integer.MIN_VALUE);
        accepted(DEPLOY, "historyMax", Integer.MAX_VALUE, "--history-max " + Integer.MAX_VALUE);
        accepted(DEPLOY, "wait", false, "!--wait");
        accepted(DEPLOY, "atomic", false, "!--atomic");
        accepted(DEPLOY, "createNamespace", true, "--create-namespace");
        accepted(DEPLOY, "dryRun", true, "--dry-run=server");
        accepted(DEPLOY, "recoverStuckRelease", true, "upgrade --install");
        // description: an argument of helm's, so nothing the agent's shell would interpret
        accepted(DEPLOY, "description", "Release 1.4.0 (PR #42: faster checkout) by ana", "--description Release 1.4.0 (PR #42: faster checkout) by ana");
        accepted(DEPLOY, "description", "  ", "!--description");
        refused(DEPLOY, "description", "price in $EUR");
        refused(DEPLOY, "description", "`id`");
        refused(DEPLOY, "description", "C:\\temp");
        refused(DEPLOY, "description", "say \"hi\"");
        refused(DEPLOY, "description", "line one\nline two");
        // cluster access
        refused(DEPLOY, "kubeconfigCredentialsId", "no-such-credentials");
        refused(DEPLOY, "kubeconfigCredentialsId", "$(id)");
        refused(DEPLOY, "server", "https://k8s.example.com");
        refused(DEPLOY, "kubeContext", "prod");

        // deployServices
        refused(DEPLOYS, "services", List.of());
        refused(DEPLOYS, "services", List.of("payments", "payments"));
        refused(DEPLOYS, "services", List.of("payments", "search", "$(id)"));
        refused(DEPLOYS, "services", List.of("payments", "../search"));
        refused(DEPLOYS, "services", Arrays.asList("payments", null));
        refused(DEPLOYS, "services", Arrays.asList("payments", 42));
        refused(DEPLOYS, "services", List.of("payments", "Search"));
        accepted(DEPLOYS, "services", List.of("payments", "search"), "upgrade --install search");
        refused(DEPLOYS, "environment", "stage`id`");
        refused(DEPLOYS, "namespace", "preview/../kube-system");
        refused(DEPLOYS, "parallelism", 0);
        refused(DEPLOYS, "parallelism", -5);
        accepted(DEPLOYS, "parallelism", Integer.MAX_VALUE, "upgrade --install payments");
        refused(DEPLOYS, "fallbackValuesEnvironment", "../x");
        refused(DEPLOYS, "fallbackValuesEnvironment", "stage;id");
        refused(DEPLOYS, "fallbackValuesEnvironment", "Stage");
        accepted(DEPLOYS, "fallbackValuesEnvironment", "prod", "values.stage.yaml");
        refused(DEPLOYS, "valuesFiles", List.of("../../etc/shadow"));
        refused(DEPLOYS, "imageTag", "a b");
        refused(DEPLOYS, "timeout", "7d");
        refused(DEPLOYS, "historyMax", -10);
        refused(DEPLOYS, "kubeContext", "$(id)", "kubeconfigCredentialsId", "kubeconfig");
        accepted(DEPLOYS, "values", Map.of("env", Map.of("PATH", "/bin;$(id)")), "/bin;$(id)");
        accepted(DEPLOYS, "secretValues", Map.of("api.token", "t0k$n;`id`"), "token");
        refused(DEPLOYS, "secretValues", Map.of("x=y", "v"));
        accepted(DEPLOYS, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"), "p$(id)`x`");
        refused(DEPLOYS, "vaultSecrets", vault("secret/payments/stage", 2, "db_user", "db.user"));
        refused(DEPLOYS, "vaultUrl", "vault.example.com", "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"));
        accepted(DEPLOYS, "vaultCredentialId", "payments-vault", "with credential payments-vault", "vaultSecrets",
                vault("secret/payments/stage", 2, "db_password", "db.password"));
        accepted(DEPLOYS, "wait", false, "!--wait");
        accepted(DEPLOYS, "dryRun", true, "--dry-run=server");
        refused(DEPLOYS, "imageRepository", "registry.example.com/$(id)", "imageTag", "1.0");
        refused(DEPLOYS, "imageTagKey", "image.tag;id");
        refused(DEPLOYS, "imageRepositoryKey", "image/repository");
        accepted(DEPLOYS, "atomic", false, "!--atomic");
        accepted(DEPLOYS, "createNamespace", true, "--create-namespace");
        accepted(DEPLOYS, "recoverStuckRelease", true, "upgrade --install payments");
        accepted(DEPLOYS, "description", "Preview of PR 42", "--description Preview of PR 42");
        refused(DEPLOYS, "description", "$(id)");
        refused(DEPLOYS, "server", "https://k8s.example.com");
        refused(DEPLOYS, "kubeconfigCredentialsId", "`id`");

        // rollbackService
        refused(ROLLBACK, "service", "payments$(id)");
        refused(ROLLBACK, "service", "..");
        refused(ROLLBACK, "environment", "pr\u0000od");
        refused(ROLLBACK, "environment", "");
        refused(ROLLBACK, "namespace", "prod namespace");
        refused(ROLLBACK, "release", "payments/../other");
        refused(ROLLBACK, "toRevision", -1);
        refused(ROLLBACK, "toRevision", Integer.MIN_VALUE);
        refusedAfterReading(ROLLBACK, "toRevision", Integer.MAX_VALUE);
        accepted(ROLLBACK, "toRevision", 1, "rollback payments 1");
        refused(ROLLBACK, "timeout", "9999h");
        refused(ROLLBACK, "timeout", "999d");
        refused(ROLLBACK, "timeout", "0s");
        refused(ROLLBACK, "timeout", "5m`id`");
        accepted(ROLLBACK, "timeout", "10m", "--timeout 600s");
        accepted(ROLLBACK, "wait", false, "!--wait");
        refused(ROLLBACK, "kubeconfigCredentialsId", "../../secrets/kubeconfig");
        refused(ROLLBACK, "server", "http://k8s.example.com");
        refused(ROLLBACK, "kubeContext", "prod");

        // createPreviewNamespace: pull request ids as SCMs and Jenkins write them
        refused(CREATE, "pr", "$(id)");
        refused(CREATE, "pr", "42; id");
        refused(CREATE, "pr", "#42");
        refused(CREATE, "pr", "pull/42");
        refused(CREATE, "pr", "42\n43");
        refused(CREATE, "pr", "-42");
        refused(CREATE, "pr", "4".repeat(64));
        accepted(CREATE, "pr", "PR-7", "pr-7-shop");
        accepted(CREATE, "pr", "MR-7", "pr-7-shop");
        accepted(CREATE, "pr", "123456789", "pr-123456789-shop");
        refused(CREATE, "repository", "$(id)");
        refused(CREATE, "repository", "acme/shop");
        refused(CREATE, "repository", "shop`id`");
        refused(CREATE, "repository", "shop\"");
        refused(CREATE, "repository", "..");
        refused(CREATE, "repository", "shop\u001b[31m");
        accepted(CREATE, "repository", "Shop.Frontend", "pr-42-shop-frontend");
        accepted(CREATE, "repository", "shop_frontend", "pr-42-shop-frontend");
        accepted(CREATE, "repository", ".github", "pr-42-github");
        accepted(CREATE, "repository", "Café Menü", "pr-42-cafe-menu");
        accepted(CREATE, "repository", "r".repeat(100), "pr-42-rrrrrrrrrrrrrrrrrrrr");
        // branches are data: any Git branch name is accepted, folded into a name only through {branch}
        accepted(CREATE, "branch", "feature/JIRA-1234_login-page", "feature/JIRA-1234_login-page");
        accepted(CREATE, "branch", "dependabot/npm_and_yarn/lodash-4.17.21", "dependabot/npm_and_yarn/lodash-4.17.21");
        accepted(CREATE, "branch", "renovate/@types/node-20.x", "renovate/@types/node-20.x");
        accepted(CREATE, "branch", "fix/$(id)", "fix/$(id)");
        accepted(CREATE, "branch", "feat/`whoami`", "feat/`whoami`");
        accepted(CREATE, "branch", "hotfix/\"quoted\"", "hotfix/");
        accepted(CREATE, "branch", "ümlaut/naïve-café", "naïve-café");
        accepted(CREATE, "branch", "a".repeat(250), "kube-delivery.io/branch");
        accepted(CREATE, "commit", "0123abc$(id)", "0123abc$(id)");
        accepted(CREATE, "buildUrl", "https://ci.example.com/job/shop/job/PR-42/7/?a=$(id)", "?a=$(id)");
        // patterns
        refused(CREATE, "namePattern", "pr-{pr}-$(id)");
        refused(CREATE, "namePattern", "pr-{pr}/{repository}");
        refused(CREATE, "namePattern", "pr-{pr}-{secret}");
        refused(CREATE, "namePattern", "pr {pr}");
        refused(CREATE, "namePattern", "{pr");
        refused(CREATE, "namePattern", "---");
        accepted(CREATE, "namePattern", "preview-{repository}-{pr}", "preview-shop-42");
        accepted(CREATE, "namePattern", "PR-{pr}-{branch}", "pr-42-feature-login");
        accepted(CREATE, "namePattern", "pr-{pr}-{repository}-{branch}-" + "x".repeat(80), "pr-42-shop-feature-login-xxx");
        refused(CREATE, "hostPattern", "pr-{pr}.$(id).example.com");
        refused(CREATE, "hostPattern", "https://pr-{pr}.example.com");
        refused(CREATE, "hostPattern", "pr-{pr}..example.com");
        accepted(CREATE, "hostPattern", "pr-{pr}.{repository}.preview.example.com", "Preview URL: https://pr-42.shop.preview.example.com");
        // ttl: one form, documented bounds
        refused(CREATE, "ttl", "30s");
        refused(CREATE, "ttl", "91d");
        refused(CREATE, "ttl", "0m");
        refused(CREATE, "ttl", "forever");
        refused(CREATE, "ttl", "72h;id");
        accepted(CREATE, "ttl", "1m", "kube-delivery.io/expires-at");
        accepted(CREATE, "ttl", "90d", "kube-delivery.io/expires-at");
        // quota, limits, network policy, copied Secrets, labels, annotations
        refused(CREATE, "quota", Map.of("pods", "20; id"));
        refused(CREATE, "quota", Map.of("limits.memory", "8 Gi"));
        refused(CREATE, "quota", Map.of("$(id)", "1"));
        refused(CREATE, "quota", Map.of("pods", List.of(20)));
        accepted(CREATE, "quota", Map.of("pods", 20, "limits.memory", "8Gi"), "8Gi");
        refused(CREATE, "limitDefaults", Map.of("memory", "512Mi`id`"));
        accepted(CREATE, "limitDefaults", Map.of("memory", "512Mi"), "512Mi");
        refused(CREATE, "limitDefaultRequests", Map.of("cpu", "-1"));
        accepted(CREATE, "limitDefaultRequests", Map.of("cpu", "250m"), "250m");
        accepted(CREATE, "networkPolicy", false, "!NetworkPolicy");
        refused(CREATE, "ingressNamespace", "ingress nginx");
        refused(CREATE, "ingressNamespace", "$(id)");
        accepted(CREATE, "ingressNamespace", "traefik", "traefik");
        refused(CREATE, "copySecrets", List.of("registry/pull"), "secretsNamespace", "preview-secrets");
        refused(CREATE, "copySecrets", List.of("../registry-pull"), "secretsNamespace", "preview-secrets");
        refused(CREATE, "copySecrets", List.of("$(id)"), "secretsNamespace", "preview-secrets");
        refused(CREATE, "copySecrets", List.of("Registry-Pull"), "secretsNamespace", "preview-secrets");
        refused(CREATE, "copySecrets", Arrays.asList("registry-pull", null), "secretsNamespace", "preview-secrets");
        refused(CREATE, "secretsNamespace", "preview secrets", "copySecrets", List.of("registry-pull"));
        refused(CREATE, "secretsNamespace", "../kube-system", "copySecrets", List.of("registry-pull"));
        accepted(CREATE, "secretsNamespace", "preview-secrets", "get secrets registry-pull --namespace preview-secrets",
                "copySecrets", List.of("registry-pull"));
        refused(CREATE, "labels", Map.of("team", "pay ments"));
        refused(CREATE, "labels", Map.of("app.kubernetes.io/managed-by", "someone-else"));
        refused(CREATE, "labels", Map.of("kube-delivery.io/pr", "41"));
        refused(CREATE, "labels", Map.of("team$(id)", "x"));
        accepted(CREATE, "labels", Map.of("team", "payments"), "team");
        refused(CREATE, "annotations", Map.of("kube-delivery.io/expires-at", "2099-01-01T00:00:00Z"));
        refused(CREATE, "annotations", Map.of("a b", "x"));
        accepted(CREATE, "annotations", Map.of("example.com/owner", "$(id) `x` \"y\""), "example.com/owner");
        refused(CREATE, "kubeContext", "preview");
        refused(CREATE, "server", "https://k8s.example.com");
        refused(CREATE, "kubeconfigCredentialsId", "missing");

        // deletePreviewNamespace
        refused(DELETE, "pr", "$(id)");
        refused(DELETE, "pr", "42 || true");
        refused(DELETE, "pr", "*");
        accepted(DELETE, "pr", "PR-42", "pr-42-shop");
        accepted(DELETE, "pr", "MR-42", "pr-42-shop");
        refused(DELETE, "repository", "$(id)");
        refused(DELETE, "repository", "acme/shop");
        accepted(DELETE, "repository", "Shop", "pr-42-shop");
        refused(DELETE, "namespace", "kube-system;id");
        refused(DELETE, "namespace", "pr-42-shop --all");
        refused(DELETE, "namespace", "--all");
        refused(DELETE, "namespace", "*");
        refused(DELETE, "namespace", "PR-42-shop");
        accepted(DELETE, "namespace", "pr-42-shop", "pr-42-shop");
        refused(DELETE, "namePattern", "pr-{pr}-$(id)");
        refused(DELETE, "namePattern", "pr-{pr}-{branch}/x");
        refused(DELETE, "namePattern", "{nope}");
        accepted(DELETE, "namePattern", "preview-{repository}-{pr}", "preview-shop-42");
        accepted(DELETE, "wait", true, "pr-42-shop");
        refused(DELETE, "kubeContext", "$(id)", "kubeconfigCredentialsId", "kubeconfig");
        refused(DELETE, "server", "file:///etc/passwd");
        refused(DELETE, "kubeconfigCredentialsId", "missing");

        // reapPreviewNamespaces
        refused(REAP, "openPullRequests", List.of(41, "#42"));
        refused(REAP, "openPullRequests", List.of("$(id)"));
        refused(REAP, "openPullRequests", List.of("42,43"));
        refused(REAP, "openPullRequests", List.of("pull/42"));
        refused(REAP, "openPullRequests", Arrays.asList(41, null));
        refused(REAP, "openPullRequests", List.of(4.2d));
        refused(REAP, "openPullRequests", List.of(""));
        accepted(REAP, "openPullRequests", List.of("PR-41", 42), "!pr-41-shop");
        accepted(REAP, "openPullRequests", List.of(), "pr-41-shop");
        accepted(REAP, "openPullRequests", List.of(Long.MAX_VALUE), "pr-41-shop");
        refused(REAP, "repository", "$(id)");
        refused(REAP, "repository", "shop,kube-delivery.io/preview!=true");
        refused(REAP, "repository", "sh\u0007op");
        accepted(REAP, "repository", "Shop.Frontend", "kube-delivery.io/repository=Shop.Frontend");
        accepted(REAP, "repository", "Shop Frontend", "repository 'Shop Frontend' is labelled 'Shop-Frontend'");
        accepted(REAP, "dryRun", true, "!delete");
        refused(REAP, "parallelism", 0);
        refused(REAP, "parallelism", Integer.MIN_VALUE);
        accepted(REAP, "parallelism", Integer.MAX_VALUE, "pr-41-shop");
        accepted(REAP, "failOnError", false, "pr-41-shop");
        refused(REAP, "kubeContext", "prod");
        refused(REAP, "server", "https://k8s.example.com:6443");
        refused(REAP, "kubeconfigCredentialsId", "missing");

        // changedServices: revisions become git arguments, so they are one plain revision or refused
        refused(CHANGED, "base", "$(id)");
        refused(CHANGED, "base", "--output=/tmp/x");
        refused(CHANGED, "base", "main..feature");
        refused(CHANGED, "base", "HEAD@{1}");
        refused(CHANGED, "base", "main\nid");
        accepted(CHANGED, "base", " v1.4.0 ", "v1.4.0^{commit}");
        refused(CHANGED, "lastSuccessfulCommit", "`id`");
        refused(CHANGED, "lastSuccessfulCommit", "-p");
        refused(CHANGED, "lastSuccessfulCommit", "0123abc HEAD");
        accepted(CHANGED, "lastSuccessfulCommit", "0123abcdef", "0123abcdef HEAD");
        // canaryShift: its own parameters; an accepted row ends at the first kubectl read, which has no canned reply
        refused(CANARY, "service", "payments$(id)");
        accepted(CANARY, "service", " payments\n", "as release payments-canary");
        refused(CANARY, "environment", "prod;id");
        refused(CANARY, "imageTag", "");
        refused(CANARY, "imageTag", "1.0,image.repository=evil");
        accepted(CANARY, "imageTag", "1.4.0-abc123", "(image tag 1.4.0-abc123)");
        refused(CANARY, "namespace", "prod namespace");
        refused(CANARY, "release", "payments/../other");
        accepted(CANARY, "release", "payments-eu", "as release payments-eu-canary");
        refused(CANARY, "release", "a".repeat(47));
        refused(CANARY, "chart", "../../outside");
        refused(CANARY, "version", "$(id)");
        refused(CANARY, "valuesFiles", List.of("/etc/passwd"));
        refused(CANARY, "values", Map.of("a,b", "x"));
        refused(CANARY, "vaultSecrets", vault("secret/payments/prod", 0, "db_password", "db.password"));
        refused(CANARY, "vaultSecrets", vault("secret/payments/prod", 2, "db_password", ".db"));
        accepted(CANARY, "vaultSecrets", vault("secret/payments/stage", 2, "db_password", "db.password"), "as release payments-canary");
        refused(CANARY, "vaultUrl", "ldap://vault.example.com", "vaultSecrets", vault("secret/payments/stage", 2, "db_password",
                "db.password"));
        accepted(CANARY, "vaultUrl", "https://vault.example.com", "as release payments-canary", "vaultSecrets",
                vault("secret/payments/stage", 2, "db_password", "db.password"));
        refused(CANARY, "vaultCredentialId", "payments-vault");
        accepted(CANARY, "vaultCredentialId", "payments-vault", "as release payments-canary", "vaultSecrets",
                vault("secret/payments/stage", 2, "db_password", "db.password"));
        refused(CANARY, "imageRepository", "Registry/Evil");
        refused(CANARY, "router", null);
        refused(CANARY, "router", new NginxCanaryRouter("payments$(id)"));
        refused(CANARY, "router", new IstioCanaryRouter(" "));
        accepted(CANARY, "router", new GatewayApiCanaryRouter("payments"), "httproute prod/payments");
        accepted(CANARY, "router", new ReplicasCanaryRouter(), "replicas of deployment prod/payments-canary");
        refused(CANARY, "steps", List.of(50, 10));
        refused(CANARY, "steps", List.of(0, 100));
        refused(CANARY, "steps", List.of("10; id"));
        refused(CANARY, "steps", List.of(Map.of("weight", 50, "pause", "$(id)")));
        refused(CANARY, "steps", List.of(Map.of("weight", 50, "hold", "5m")));
        accepted(CANARY, "steps", List.of(Map.of("weight", 50, "pause", "manual"), 100), "50% until a person decides, 100% (no pause)");
        refused(CANARY, "pause", "5 minutes");
        accepted(CANARY, "pause", "manual", "10% until a person decides");
        refused(CANARY, "interval", "0s");
        accepted(CANARY, "interval", "30s", "measured every 30s");
        refused(CANARY, "analysis", List.of(new ErrorRateCheck(2)), "prometheusUrl", "http://prometheus.monitoring:9090");
        refused(CANARY, "analysis", List.of(new PrometheusQueryCheck("orders failing", "sum(up)")), "prometheusUrl",
                "http://prometheus.monitoring:9090");
        refused(CANARY, "analysis", List.of(new ErrorRateCheck(0.01)), "router", new ReplicasCanaryRouter(), "prometheusUrl",
                "http://prometheus.monitoring:9090");
        refused(CANARY, "analysis", List.of(new PrometheusQueryCheck("orders", "sum(x{a=\"{{nope}}\"})")), "prometheusUrl",
                "http://prometheus.monitoring:9090");
        accepted(CANARY, "analysis", List.of(new ErrorRateCheck(0.01), new LatencyCheck(500)), "error-rate <= 0.01 (failureLimit 0),"
                + " latency-p99 <= 500", "prometheusUrl", "http://prometheus.monitoring:9090");
        refused(CANARY, "prometheusUrl", "file:///etc/passwd", "analysis", List.of(new ErrorRateCheck(0.01)));
        refused(CANARY, "prometheusUrl", "http://admin:secret@prometheus:9090", "analysis", List.of(new ErrorRateCheck(0.01)));
        refused(CANARY, "prometheusUrl", null, "analysis", List.of(new ErrorRateCheck(0.01)));
        refused(CANARY, "prometheusCredentialsId", "missing", "analysis", List.of(new ErrorRateCheck(0.01)), "prometheusUrl",
                "http://prometheus.monitoring:9090");
        refused(CANARY, "failureLimit", -1);
        refused(CANARY, "inconclusiveLimit", -1);
        refused(CANARY, "minRequests", -1);
        refused(CANARY, "canaryReplicas", 0);
        accepted(CANARY, "canaryReplicas", 2, "Canary of payments");
        refused(CANARY, "replicaCountKey", "replica count");
        refused(CANARY, "replicaCountKey", "replicas=3,image.tag=evil");
        accepted(CANARY, "replicaCountKey", "app.replicas", "Canary of payments");
        refused(CANARY, "timeout", "0s");
        accepted(CANARY, "wait", false, "Canary of payments");
        refused(CANARY, "kubeconfigCredentialsId", "../../secrets/kubeconfig");
        refused(CANARY, "server", "http://k8s.example.com");
        refused(CANARY, "kubeContext", "prod");

        // canaryStatus, canaryPromote and canaryAbort: which canary, and its router; an accepted row ends at the first
        // kubectl read
        for (String step : List.of(STATUS, ABORT, PROMOTE)) {
            refused(step, "service", "payments$(id)");
            refused(step, "service", "");
            accepted(step, "service", " payments\n", "payments-canary --namespace prod");
            refused(step, "environment", "prod;id");
            refused(step, "namespace", "prod namespace");
            accepted(step, "namespace", "payments-prod", "payments-canary --namespace payments-prod");
            refused(step, "release", "payments/../other");
            refused(step, "release", "a".repeat(47));
            accepted(step, "release", "payments-eu", "deployments.apps payments-eu-canary --namespace prod", "router",
                    new ReplicasCanaryRouter());
            refused(step, "router", null);
            refused(step, "router", new NginxCanaryRouter("$(id)"));
            accepted(step, "router", new IstioCanaryRouter("payments"), "virtualservices.networking.istio.io payments");
            refused(step, "kubeconfigCredentialsId", "../../secrets/kubeconfig");
            refused(step, "server", "http://k8s.example.com");
            refused(step, "kubeContext", "prod");
        }
        refused(ABORT, "timeout", "0s");
        accepted(ABORT, "timeout", "90s", "payments-canary --namespace prod");
        // caCertificate and cloud on every step that reaches a cluster: the CA (a bundle holding what sh would interpret)
        // reaches the tools only inside the staged kubeconfig, as base64; a cloud takes no other cluster parameter
        for (String step : List.of(DEPLOY, DEPLOYS, ROLLBACK, CREATE, DELETE, REAP, CANARY, STATUS, ABORT, PROMOTE)) {
            refused(step, "caCertificate", "$(id)", "kubeconfigCredentialsId", "token", "server", "https://k8s.example.com");
            refused(step, "caCertificate", TestCertificates.SAMPLE_CA_BUNDLE, "kubeconfigCredentialsId", "kubeconfig");
            refused(step, "cloud", "kubernetes", "kubeconfigCredentialsId", "kubeconfig");
        }
        accepted(DEPLOY, "caCertificate", TestCertificates.SAMPLE_CA_BUNDLE, "certificate-authority-data",
                "kubeconfigCredentialsId", "token", "server", "https://k8s.example.com");
        accepted(DEPLOY, "caCertificate", TestCertificates.SAMPLE_CA_BUNDLE, "!BEGIN CERTIFICATE",
                "kubeconfigCredentialsId", "token", "server", "https://k8s.example.com");
        // imageTag is deprecated and optional: when given, it is checked before any command, then against the canary's
        accepted(PROMOTE, "imageTag", "", "payments-canary --namespace prod");
        accepted(PROMOTE, "imageTag", null, "payments-canary --namespace prod");
        refused(PROMOTE, "imageTag", "1.0,image.repository=evil");
        refused(PROMOTE, "imageTag", "$(id)");
        accepted(PROMOTE, "imageTag", "1.4.0-abc123", "payments-canary --namespace prod");
        accepted(PROMOTE, "full", true, "payments-canary --namespace prod");
        accepted(PROMOTE, "full", false, "payments-canary --namespace prod");
        refused(PROMOTE, "timeout", "0s");
        refused(PROMOTE, "timeout", "soon");
        accepted(PROMOTE, "timeout", "90s", "payments-canary --namespace prod");
    }

    private static final Map<String, Class<? extends Step>> STEPS = Map.ofEntries(Map.entry(DEPLOY, DeployServiceStep.class),
            Map.entry(DEPLOYS, DeployServicesStep.class), Map.entry(ROLLBACK, RollbackServiceStep.class),
            Map.entry(CREATE, CreatePreviewNamespaceStep.class), Map.entry(DELETE, DeletePreviewNamespaceStep.class),
            Map.entry(REAP, ReapPreviewNamespacesStep.class), Map.entry(CHANGED, ChangedServicesStep.class),
            Map.entry(CANARY, CanaryShiftStep.class), Map.entry(STATUS, CanaryStatusStep.class),
            Map.entry(ABORT, CanaryAbortStep.class), Map.entry(PROMOTE, CanaryPromoteStep.class));

    /** The rows, once every parameter of every step is known to have at least one. */
    @Parameters(name = "{0}")
    public static Collection<Object[]> rows() {
        List<String> uncovered = new ArrayList<>();
        STEPS.forEach((name, type) -> parameters(type).stream()
                .filter(parameter -> ROWS.stream().noneMatch(row -> row[1].equals(name) && row[2].equals(parameter)))
                .forEach(parameter -> uncovered.add(name + " " + parameter)));
        if (!uncovered.isEmpty()) {
            throw new IllegalStateException("the corpus has no row for " + uncovered);
        }
        return ROWS;
    }

    /** A step's parameters: its constructor's (compiled with -parameters) and its {@code @DataBoundSetter}s. */
    private static List<String> parameters(Class<? extends Step> type) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Arrays.stream(constructor.getParameters()).map(java.lang.reflect.Parameter::getName).forEach(names::add);
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }

    /** One Vault secret entry: its path, engine version, and key, values path pairs. */
    private static List<VaultSecretPath> vault(String path, Integer engineVersion, String... keyThenValuesKey) {
        List<VaultSecretKey> keys = new ArrayList<>();
        for (int i = 0; i < keyThenValuesKey.length; i += 2) {
            keys.add(new VaultSecretKey(keyThenValuesKey[i], keyThenValuesKey[i + 1]));
        }
        VaultSecretPath entry = new VaultSecretPath(path, keys);
        entry.setEngineVersion(engineVersion);
        return List.of(entry);
    }

    /** What a row expects: refused at once, refused after reading only, or accepted showing these texts. */
    private enum Outcome { REFUSED, REFUSED_AFTER_READING, ACCEPTED }

    /** @param others what else the row needs set, as name, value pairs (e.g. the credentials a context needs) */
    private static void refused(String step, String parameter, Object value, Object... others) {
        add(step, parameter, value, Outcome.REFUSED, List.of(), others);
    }

    private static void refusedAfterReading(String step, String parameter, Object value) {
        add(step, parameter, value, Outcome.REFUSED_AFTER_READING, List.of());
    }

    /** @param shows a text the commands must receive, or {@code !text} for one they must not */
    private static void accepted(String step, String parameter, Object value, String shows, Object... others) {
        add(step, parameter, value, Outcome.ACCEPTED, List.of(shows), others);
    }

    private static void add(String step, String parameter, Object value, Outcome outcome, List<String> shows, Object... others) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < others.length; i += 2) {
            settings.put((String) others[i], others[i + 1]);
        }
        settings.put(parameter, value);
        String name = step + " " + parameter + "=" + printable(value) + " " + outcome.name().toLowerCase();
        ROWS.add(new Object[] {name, step, parameter, settings, outcome, shows});
    }

    private static String printable(Object value) {
        String text = String.valueOf(value);
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.length() > 60 ? sb.substring(0, 57) + "..." : sb.toString();
    }

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public TestVault testVault = new TestVault();

    private final String step;
    private final String parameter;
    private final Map<String, Object> settings;
    private final Outcome outcome;
    private final List<String> shows;
    private StepFixture fixture;
    /** Each command line, and the text of each staged file a command was given. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    public HostileInputCorpusTest(String name, String step, String parameter, Map<String, Object> settings, Outcome outcome,
            List<String> shows) {
        this.step = step;
        this.parameter = parameter;
        this.settings = settings;
        this.outcome = outcome;
        this.shows = shows;
    }

    @Before
    public void setUp() throws Exception {
        fixture = StepFixture.canned(tmp.newFolder("build"));
        Path workspace = fixture.workspace;
        HelmReplies.monorepo(workspace);
        HelmReplies.service(workspace, "search");
        Path outside = tmp.newFolder("outside").toPath();
        Files.writeString(outside.resolve("values.yaml"), "stolen: true\n");
        Files.createDirectories(outside.resolve("chart"));
        Files.writeString(outside.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: outside\nversion: 0.1.0\n");
        Path links = Files.createDirectories(workspace.resolve("links"));
        Files.createSymbolicLink(links.resolve("outside-values.yaml"), outside.resolve("values.yaml"));
        Files.createSymbolicLink(links.resolve("outside-chart"), outside.resolve("chart"));
        Files.createSymbolicLink(links.resolve("inside-values.yaml"), workspace.resolve("helm/payments/values.stage.yaml"));
        Files.createSymbolicLink(links.resolve("inside-chart"), workspace.resolve("helm/payments"));
        // Charts of the workspace whose own files lead out: values.stage.yaml, and a file a template reads with .Files.Get.
        Files.writeString(outside.resolve("token.txt"), "stolen-token\n");
        for (String chart : List.of("leaky-values", "leaky-files")) {
            Path dir = Files.createDirectories(workspace.resolve("helm/" + chart + "/templates"));
            Files.writeString(dir.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: " + chart + "\nversion: 0.1.0\n");
        }
        Files.createSymbolicLink(workspace.resolve("helm/leaky-values/values.stage.yaml"), outside.resolve("values.yaml"));
        Files.createDirectories(workspace.resolve("helm/leaky-files/files"));
        Files.createSymbolicLink(workspace.resolve("helm/leaky-files/files/token.txt"), outside.resolve("token.txt"));
        testVault.put(2, "secret/payments/stage", Map.of("db_password", "p$(id)`x`\"q\"\\b"))
                .put(1, "kv/payments", Map.of("tls_key", "-----BEGIN KEY-----\nabc\n-----END KEY-----"));
        fixture.credentials.secretFile("kubeconfig", TestCredentials.kubeconfig("https://k8s.stage.example.com:6443", "stage"))
                .secretText("token", "corpus-bearer-token");
        fixture.environment.putAll(Map.of("CHANGE_ID", "42", "CHANGE_BRANCH", "feature/login", "BRANCH_NAME", "PR-42",
                "JOB_NAME", "shop/PR-42", "GIT_URL", "https://github.com/acme/shop.git", "GIT_COMMIT", "0123abc",
                "BUILD_URL", "https://ci.example.com/job/shop/job/PR-42/7/"));
        fixture.launcher
                .reply("helm", "version", HelmReplies.version())
                .reply("helm", "payments-canary", HelmReplies.releaseNotFound()) // no canary beside the release
                .reply("helm", "history", HelmReplies.history(HelmReplies.revision(1, "superseded", "Install complete"),
                        HelmReplies.revision(2, "deployed", "Upgrade complete")))
                .reply("helm", "upgrade", HelmReplies.release("payments", "stage", 3, "Upgrade complete"))
                .reply("helm", "rollback", HelmReplies.rollbackSucceeded())
                .reply("helm", "status", HelmReplies.release("payments", "prod", 3, "Rollback to 1"))
                .reply("kubectl", "delete", KubectlReplies.deleted("pr-41-shop"))
                .reply("kubectl", "create", KubectlReplies.created("pr-42-shop"))
                .reply("kubectl", "apply", KubectlReplies.applied("resourcequota/kube-delivery-preview"))
                .reply("kubectl", List.of("secrets", "--selector"), KubectlReplies.noHelmRecords()) // helm answers: records kept elsewhere
                .reply("kubectl", "secrets", KubectlReplies.list(KubectlReplies.secret("registry-pull", "preview-secrets",
                        Map.of(".dockerconfigjson", "e30="))))
                .reply("kubectl", "namespaces", KubectlReplies.list(
                        KubectlReplies.ownedPreview("pr-41-shop", "41", "shop", "2099-01-01T00:00:00Z"),
                        KubectlReplies.ownedPreview("pr-42-shop", "42", "shop", "2099-01-01T00:00:00Z")))
                .reply("kubectl", "namespace", KubectlReplies.object(
                        KubectlReplies.ownedPreview("pr-42-shop", "42", "shop", "2099-01-01T00:00:00Z")))
                .onLaunch(this::record);
    }

    private void record(TestLauncher.Launch launch) {
        received.add(String.join(" ", launch.cmds()));
        for (String argument : launch.cmds()) {
            Path path = Path.of(argument);
            if (path.isAbsolute() && path.startsWith(fixture.tempDir()) && Files.isRegularFile(path)) {
                try {
                    received.add(Files.readString(path));
                } catch (Exception e) {
                    received.add("unreadable " + path + ": " + e);
                }
            }
        }
    }

    @Test
    public void endsAsTheRowSaysAndNoArgumentCarriesWhatTheShellWouldInterpret() throws Exception {
        StepOutcome result = StepOutcome.run(step(), fixture);
        String failure = String.valueOf(result.failure());
        boolean namesParameter = result.failure() != null && (failure.startsWith(step + ": " + parameter + ": ")
                || failure.startsWith(step + ": " + parameter + "["));
        List<TestLauncher.Launch> launches = fixture.launcher.launches();
        switch (outcome) {
            case REFUSED -> {
                assertTrue("refused naming " + parameter + ", but: " + failure, namesParameter);
                assertEquals("no command ran: " + launches, 0, launches.size());
            }
            case REFUSED_AFTER_READING -> {
                assertTrue("refused naming " + parameter + ", but: " + failure, namesParameter);
                for (TestLauncher.Launch launch : launches) {
                    assertTrue("only read-only commands ran: " + launch.cmds(), launch.cmds().stream().anyMatch(READ_ONLY::contains));
                }
            }
            case ACCEPTED -> {
                assertFalse("accepted, but: " + failure, namesParameter);
                assertFalse("a command ran", launches.isEmpty());
                String commands = String.join("\n", received);
                String all = commands + "\n" + fixture.log();
                for (String text : shows) {
                    if (text.startsWith("!")) {
                        assertFalse(text.substring(1) + " must not reach a command:\n" + commands, commands.contains(text.substring(1)));
                    } else {
                        assertTrue(text + " shows in:\n" + all, all.contains(text));
                    }
                }
            }
        }
        assertEquals("the staging directory is gone", List.of(), fixture.stagingDirectories());
        for (TestLauncher.Launch launch : launches) {
            for (String argument : launch.cmds()) {
                for (char c : argument.toCharArray()) {
                    if (c == '$' || c == '`' || c == '\\' || c == '"' || Character.isISOControl(c)) {
                        fail("the argument '" + printable(argument) + "' of " + launch.cmds() + " holds '" + printable(String.valueOf(c)) + "'");
                    }
                }
            }
        }
    }

    /** The step with the row's settings over a working base: a PR build of 'shop', services of the fixture monorepo. */
    private Step step() throws Exception {
        Step built = switch (step) {
            case DEPLOY -> new DeployServiceStep((String) take("service", "payments"), (String) take("environment", "stage"));
            case DEPLOYS -> new DeployServicesStep(castList(take("services", List.of("payments"))), (String) take("environment", "stage"));
            case ROLLBACK -> new RollbackServiceStep((String) take("service", "payments"), (String) take("environment", "prod"));
            case CREATE -> new CreatePreviewNamespaceStep();
            case DELETE -> new DeletePreviewNamespaceStep();
            case REAP -> new ReapPreviewNamespacesStep();
            case CHANGED -> new ChangedServicesStep();
            case STATUS -> new CanaryStatusStep((String) take("service", "payments"), (String) take("environment", "prod"));
            case ABORT -> new CanaryAbortStep((String) take("service", "payments"), (String) take("environment", "prod"));
            case PROMOTE -> new CanaryPromoteStep((String) take("service", "payments"), (String) take("environment", "prod"));
            case CANARY -> new CanaryShiftStep((String) take("service", "payments"), (String) take("environment", "prod"),
                    (String) take("imageTag", "abc123"));
            default -> throw new IllegalArgumentException(step);
        };
        Map<String, Object> rest = new LinkedHashMap<>(settings);
        rest.keySet().removeAll(List.of("service", "services", "environment"));
        if (built instanceof CanaryShiftStep) {
            rest.remove("imageTag");
        }
        if (built instanceof CanaryShiftStep || built instanceof AbstractCanaryControlStep) {
            if (!settings.containsKey("router")) {
                rest.put("router", new NginxCanaryRouter("payments"));
            }
        }
        if (built instanceof ReapPreviewNamespacesStep && !rest.containsKey("repository")) {
            rest.put("repository", "shop");
        }
        if (built instanceof ReapPreviewNamespacesStep && !rest.containsKey("openPullRequests")) {
            rest.put("openPullRequests", List.of(42));
        }
        for (Map.Entry<String, Object> setting : rest.entrySet()) {
            set(built, setting.getKey(), setting.getValue());
        }
        return built;
    }

    private Object take(String name, Object fallback) {
        return settings.getOrDefault(name, fallback);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }

    /** Calls the step's {@code @DataBoundSetter}, as Pipeline's structs would with the script's value. */
    private static void set(Step step, String name, Object value) throws Exception {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : step.getClass().getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                method.invoke(step, value);
                return;
            }
        }
        throw new IllegalArgumentException(step.getClass().getSimpleName() + " has no parameter " + name);
    }
}
