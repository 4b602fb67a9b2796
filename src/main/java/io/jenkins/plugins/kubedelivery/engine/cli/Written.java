package io.jenkins.plugins.kubedelivery.engine.cli;

import com.eclipsesource.json.JsonObject;
import java.util.Optional;

/**
 * A conditional write's answer with the object the API server returned for it: a router keeps that
 * object (its resourceVersion above all) so that its next write is conditional on it without a read.
 *
 * @param outcome how the write ended
 * @param object the object as stored (as checked, for a server-side dry run), present only when {@link WriteOutcome#DONE}
 */
public record Written(WriteOutcome outcome, Optional<JsonObject> object) {
    static Written refused(WriteOutcome outcome) {
        return new Written(outcome, Optional.empty());
    }
}
