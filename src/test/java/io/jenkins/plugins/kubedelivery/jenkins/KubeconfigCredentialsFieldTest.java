package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kubeconfigCredentialsId form field: the picker lists, and the check accepts, exactly the kinds
 * of credentials the step takes; a wrong kind is named; the methods carry what Stapler and Jenkins'
 * security rules need. Listing credentials needs a running Jenkins, so the lookups themselves are
 * left to it; the decisions around them are tested here.
 */
public class KubeconfigCredentialsFieldTest {
    private final TestCredentials credentials = new TestCredentials()
            .secretFile("stage-kubeconfig", TestCredentials.kubeconfig("https://k8s.stage.example.com:6443", "stage"))
            .secretText("stage-token", "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.dG9rZW4")
            .other("registry-login");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private StandardCredentials credential(String id) {
        return credentials.find(id, null);
    }

    @Test
    public void noCredentialsIsFine() {
        assertEquals(FormValidation.Kind.OK, ClusterStepDescriptor.checkKubeconfigCredentials(null, null).kind);
    }

    @Test
    public void aSecretFileAndASecretTextAreAccepted() {
        assertEquals(FormValidation.Kind.OK,
                ClusterStepDescriptor.checkKubeconfigCredentials("stage-kubeconfig", credential("stage-kubeconfig")).kind);
        assertEquals(FormValidation.Kind.OK,
                ClusterStepDescriptor.checkKubeconfigCredentials("stage-token", credential("stage-token")).kind);
    }

    @Test
    public void anotherKindIsAnErrorNamingItsType() {
        FormValidation check = ClusterStepDescriptor.checkKubeconfigCredentials("registry-login", credential("registry-login"));
        assertEquals(FormValidation.Kind.ERROR, check.kind);
        assertTrue(check.getMessage(), check.getMessage().contains("'registry-login' are a Other"));
        assertTrue(check.getMessage(), check.getMessage().contains("expected a Secret file credential (a kubeconfig)"
                + " or a Secret text credential (a bearer token, used with server)"));
    }

    @Test
    public void anIdNotVisibleInTheFormIsOnlyAWarning() {
        FormValidation check = ClusterStepDescriptor.checkKubeconfigCredentials("folder-kubeconfig", null);
        assertEquals(FormValidation.Kind.WARNING, check.kind);
        assertTrue(check.getMessage(), check.getMessage().contains("'folder-kubeconfig'"));
        assertTrue(check.getMessage(), check.getMessage().contains("a folder"));
    }

    @Test
    public void thePickerListsExactlyWhatTheCheckAccepts() {
        for (String id : List.of("stage-kubeconfig", "stage-token", "registry-login")) {
            boolean listed = KubeconfigCredentialKind.matcher().matches(credential(id));
            boolean accepted = ClusterStepDescriptor.checkKubeconfigCredentials(id, credential(id)).kind == FormValidation.Kind.OK;
            assertEquals(id, accepted, listed);
        }
        assertFalse(KubeconfigCredentialKind.matcher().matches(credential("registry-login")));
    }

    /** The step refuses a wrong kind with the very words of the form check: one rule, one message. */
    @Test
    public void theStepRefusesWhatTheCheckRefusesInTheSameWords() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        fixture.credentials.other("registry-login");
        try (FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath())) {
            AbortException refused = assertThrows(AbortException.class, () -> new KubeconfigScope(fixture.credentials, new SecretMask())
                    .open(new ClusterAccess("registry-login", null, null), fixture.run, staging));
            String check = ClusterStepDescriptor.checkKubeconfigCredentials("registry-login", credential("registry-login")).getMessage();
            assertEquals("kubeconfigCredentialsId: " + check, refused.getMessage());
        }
    }

    @Test
    public void aUserWhoMayNotSeeCredentialsGetsOnlyTheCurrentValueAndNoVerdict() {
        ClusterStepDescriptor descriptor = new DeployServiceStep.DescriptorImpl();
        PermissionRecordingItem item = new PermissionRecordingItem(false);
        // No lookup happens: outside Jenkins a lookup would throw.
        ListBoxModel items = descriptor.doFillKubeconfigCredentialsIdItems(item, "prod-kubeconfig");
        assertEquals(1, items.size());
        assertEquals("prod-kubeconfig", items.get(0).value);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckKubeconfigCredentialsId(item, "registry-login").kind);
        assertEquals("each asked for Job/ExtendedRead, then Credentials/UseItem", 4, item.asked.size());
    }

    @Test
    public void aUserWithPermissionGetsTheCredentialsLookedUp() {
        ClusterStepDescriptor descriptor = new DeployServiceStep.DescriptorImpl();
        // Outside Jenkins the credentials plugin's lookup is not there, so reaching it shows the gate let the user through.
        assertThrows(UnsupportedOperationException.class,
                () -> descriptor.doFillKubeconfigCredentialsIdItems(new PermissionRecordingItem(true), ""));
        assertThrows(UnsupportedOperationException.class,
                () -> descriptor.doCheckKubeconfigCredentialsId(new PermissionRecordingItem(true), "stage-kubeconfig"));
        assertEquals("an empty value needs no lookup", FormValidation.Kind.OK,
                descriptor.doCheckKubeconfigCredentialsId(new PermissionRecordingItem(true), " ").kind);
    }

    /** Stapler binds by these annotations and parameter names; Jenkins wants a check that looks credentials up to be POST. */
    @Test
    public void theFormMethodsAreWiredForStaplerAndPost() throws Exception {
        Method fill = ClusterStepDescriptor.class.getMethod("doFillKubeconfigCredentialsIdItems", Item.class, String.class);
        assertEquals(ListBoxModel.class, fill.getReturnType());
        assertParameters(fill, "kubeconfigCredentialsId");
        Method check = ClusterStepDescriptor.class.getMethod("doCheckKubeconfigCredentialsId", Item.class, String.class);
        assertEquals(FormValidation.class, check.getReturnType());
        assertNotNull("@POST", check.getAnnotation(POST.class));
        assertParameters(check, "value");
    }

    private static void assertParameters(Method method, String queryParameter) {
        Parameter[] parameters = method.getParameters();
        assertNotNull(method.getName(), parameters[0].getAnnotation(AncestorInPath.class));
        assertNotNull(method.getName(), parameters[1].getAnnotation(QueryParameter.class));
        assertTrue("compiled with -parameters", parameters[1].isNamePresent());
        assertEquals(method.getName(), queryParameter, parameters[1].getName());
    }

    @Test
    public void theFormFragmentHasThePickerAndTheTextFields() throws Exception {
        Document jelly;
        try (InputStream in = AbstractClusterStep.class.getResourceAsStream("AbstractClusterStep/cluster-fields.jelly")) {
            assertNotNull("AbstractClusterStep/cluster-fields.jelly", in);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            jelly = factory.newDocumentBuilder().parse(in);
        }
        NodeList entries = jelly.getElementsByTagNameNS("/lib/form", "entry");
        List<String> controls = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            Element control = firstElement(entry);
            controls.add(entry.getAttribute("field") + "=" + control.getNamespaceURI() + ":" + control.getLocalName());
            if (control.getLocalName().equals("select")) {
                assertEquals("the check is @POST", "post", control.getAttribute("checkMethod"));
            }
        }
        assertEquals(List.of("kubeconfigCredentialsId=/lib/credentials:select", "kubeContext=/lib/form:textbox",
                "server=/lib/form:textbox", "caCertificate=/lib/form:textarea", "cloud=/lib/form:textbox"), controls);
    }

    private static Element firstElement(Element parent) {
        for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
            if (parent.getChildNodes().item(i) instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no control in " + parent.getAttribute("field"));
    }

    /** A job whose permissions the test decides, recording what was asked. */
    private static final class PermissionRecordingItem implements Item {
        private final boolean granted;
        final List<Permission> asked = new ArrayList<>();

        PermissionRecordingItem(boolean granted) {
            this.granted = granted;
        }

        @Override
        public boolean hasPermission(Permission permission) {
            asked.add(permission);
            return granted;
        }
    }
}
