package io.jenkins.plugins.kubedelivery.engine.preview;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The preview steps may keep their request to run again after a controller restart: each request
 * survives serialization whole, whatever collections the caller passed.
 */
public class RequestsSerializableTest {
    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    public void createDeleteAndReapRequestsSurviveSerialization() throws Exception {
        // a map view and a sublist are not Serializable themselves: the records keep copies that are
        Map<String, String> quota = new HashMap<>(Map.of("pods", "20", "limits.memory", "8Gi"));
        List<String> secrets = new ArrayList<>(List.of("registry-pull", "db", "other")).subList(0, 2);
        PreviewRequest create = new PreviewRequest("42", "shop", "feature/pay", "abc123", null, null, null, Duration.ofHours(72),
                java.util.Collections.unmodifiableMap(quota), Map.of(), Map.of(), true, "ingress-nginx", secrets, "shared",
                Map.of("team", "payments"), Map.of());
        assertEquals(create, roundTrip(create));

        DeletePreviewRequest delete = new DeletePreviewRequest("42", "shop", null, "pr-{pr}-{repository}", true);
        assertEquals(delete, roundTrip(delete));

        ReapRequest reap = new ReapRequest(new ArrayList<>(List.of("41", "PR-42")).subList(0, 2), "shop", false, 4);
        assertEquals(reap, roundTrip(reap));
        ReapRequest byExpiry = new ReapRequest(null, null, true, 1);
        assertEquals(byExpiry, roundTrip(byExpiry));
    }
}
