package io.jenkins.plugins.kubedelivery.engine.http;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.net.URI;
import java.util.Locale;

/** The one rule for a server's base URL given as a step parameter (Prometheus, Vault). */
public final class HttpUrls {
    private HttpUrls() {}

    /**
     * @param example a URL of the right form, for the message
     * @param credentialsParameter the parameter that carries the server's credentials instead of the URL
     * @throws ValidationException naming the parameter: not an http(s) URL with a host, or one carrying a query, a fragment or credentials
     */
    public static URI requireBase(String parameter, String url, String example, String credentialsParameter) {
        URI base;
        try {
            base = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(parameter, "'" + url + "' is not a URL; write it like " + example);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new ValidationException(parameter, "'" + url + "' is not an http(s) URL with a host; write it like " + example);
        }
        if (base.getQuery() != null || base.getFragment() != null || base.getUserInfo() != null) {
            throw new ValidationException(parameter, "must not carry a query, a fragment or credentials; give credentials"
                    + " with " + credentialsParameter);
        }
        return base;
    }
}
