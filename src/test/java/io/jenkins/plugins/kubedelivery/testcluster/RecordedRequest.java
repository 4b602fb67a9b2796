package io.jenkins.plugins.kubedelivery.testcluster;

/** One request the server answered, as tests count them. */
public record RecordedRequest(String method, String pathAndQuery, String contentType, int status) {

    public String path() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    public boolean isWatch() {
        return pathAndQuery.contains("watch=true") || pathAndQuery.contains("watch=1");
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery + " [" + (contentType == null ? "" : contentType) + "] -> " + status;
    }
}
