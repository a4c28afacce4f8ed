package dev.patchbay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The benchmarks' HTTP client: requests to one gateway, each answer checked for its status and a fragment. */
public final class BenchHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public BenchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/scim+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A SCIM create of user {@code n} ("post{n}@bench.example"). */
    public HttpResponse<String> postUser(String path, String authorization, int n) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                         "userName":"post%1$d@bench.example","externalId":"post-%1$d",
                         "name":{"givenName":"Post","familyName":"%1$d"},
                         "emails":[{"type":"work","primary":true,"value":"post%1$d@bench.example"}],
                         "active":true}""".formatted(n))).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public static void expect(HttpResponse<String> response, int status, String fragment) {
        if (response.statusCode() != status || fragment != null && !response.body().contains(fragment)) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    /** A filter as a query parameter value. */
    public static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
