package io.jenkins.plugins.kubedelivery.jenkins.vault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The HashiCorp Vault plugin is an optional dependency: without it the plugin must load and every
 * step but a {@code vaultSecrets} read must work. Proved two ways over the compiled classes:
 * <ul>
 * <li>only {@link VaultPluginSecretSource} names a class of the Vault plugin (its constant pool is
 *     where the JVM finds every class a class may load), and only {@link VaultPluginGate} creates it;
 * <li>in a class loader that cannot see the Vault plugin, as Jenkins's is when the plugin is not
 *     installed, every other class of the plugin loads, links and initializes, and the gate's
 *     first read fails with the one-line message naming the plugin to install.
 * </ul>
 */
public class VaultPluginIsolationTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path OURS = CLASSES.resolve("io/jenkins/plugins/kubedelivery");
    private static final String ISOLATED = "io/jenkins/plugins/kubedelivery/jenkins/vault/VaultPluginSecretSource";

    @Test
    public void onlyTheAdapterNamesAVaultClassAndOnlyTheGateCreatesIt() throws IOException {
        List<String> naming = new ArrayList<>();
        List<String> creating = new ArrayList<>();
        for (Path file : classFiles()) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String name = CLASSES.relativize(file).toString().replace(".class", "");
            if (constants.contains("com/datapipe/")) {
                naming.add(name);
            }
            if (constants.contains(ISOLATED) && !name.startsWith(ISOLATED)) {
                creating.add(name);
            }
        }
        assertEquals(List.of(ISOLATED), naming);
        assertEquals(List.of("io/jenkins/plugins/kubedelivery/jenkins/vault/VaultPluginGate"), creating);
    }

    @Test
    public void withoutTheVaultPluginEveryOtherClassLoadsAndTheGateSaysWhatToInstall() throws Exception {
        try (URLClassLoader withoutVault = new WithoutVault()) {
            List<String> failures = new ArrayList<>();
            int loaded = 0;
            for (Path file : classFiles()) {
                String name = CLASSES.relativize(file).toString().replace(".class", "").replace('/', '.');
                if (name.startsWith(ISOLATED.replace('/', '.'))) {
                    continue;
                }
                try {
                    Class.forName(name, true, withoutVault);
                    loaded++;
                } catch (LinkageError e) {
                    failures.add(name + ": " + e);
                }
            }
            assertEquals(List.of(), failures);
            assertTrue("loaded " + loaded, loaded > 100);
            assertFalse(VaultPluginGate.installed(withoutVault));

            Class<?> store = withoutVault.loadClass("io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore");
            Class<?> path = withoutVault.loadClass("io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath");
            Class<?> gate = withoutVault.loadClass(VaultPluginGate.class.getName());
            assertTrue("the gate is this loader's own", gate.getClassLoader() == withoutVault);
            Constructor<?> constructor = gate.getConstructors()[0];
            Object source = constructor.newInstance(null, null, null);
            Method read = gate.getMethod("read", store, path);
            Object secret = path.getConstructors()[0].newInstance("secret/payments/prod", 2, Map.of("db_password", "db.password"));
            Object configured = store.getConstructors()[0].newInstance(null, null);
            InvocationTargetException e = org.junit.Assert.assertThrows(InvocationTargetException.class,
                    () -> read.invoke(source, configured, secret));
            assertEquals("io.jenkins.plugins.kubedelivery.engine.EngineException", e.getCause().getClass().getName());
            assertEquals(VaultPluginGate.NOT_INSTALLED, e.getCause().getMessage());
            assertFalse(e.getCause().getMessage().contains("\n"));
        }
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(OURS)) {
            return files.filter(f -> f.toString().endsWith(".class")).filter(f -> !f.toString().contains("/buildtools/"))
                    .sorted().toList();
        }
    }

    /**
     * The compiled classes (the plugin's and the Jenkins API declarations it compiles against) and the
     * libraries the .hpi bundles, loaded by this loader itself, with the Vault plugin's classes absent: what our plugin's class loader
     * sees in a Jenkins where hashicorp-vault-plugin is not installed.
     */
    private static final class WithoutVault extends URLClassLoader {
        WithoutVault() throws IOException {
            super(new URL[] {CLASSES.toUri().toURL(), jarOf(com.eclipsesource.json.Json.class),
                    jarOf(org.snakeyaml.engine.v2.api.Load.class)}, ClassLoader.getPlatformClassLoader());
        }

        /** A library the .hpi bundles (WEB-INF/lib), as the plugin's class loader has it. */
        private static URL jarOf(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.datapipe.")) {
                throw new ClassNotFoundException(name + " (the Vault plugin is not installed)");
            }
            return super.loadClass(name, resolve);
        }
    }
}
