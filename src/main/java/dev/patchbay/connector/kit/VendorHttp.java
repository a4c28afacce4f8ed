package dev.patchbay.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.ConnectorException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One vendor's HTTP calls: a timeout or an unreachable vendor is {@link ConnectorException.Retryable},
 * and every answer goes through the vendor's {@link FailureClassifier}, which alone decides which
 * statuses and bodies are failures of which kind (a SOAP fault arrives as HTTP 500 and may be permanent).
 */
public final class VendorHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** An answer as received. */
    public record Response(int status, HttpHeaders headers, String body) {

        /** The body as JSON; null when it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** The typed failure an answer stands for; empty when the caller gets the answer. */
    @FunctionalInterface
    public interface FailureClassifier {
        Optional<ConnectorException> failureOf(Response response);
    }

    private final String vendor;
    private final HttpClient client;
    private final Duration timeout;
    private final FailureClassifier classifier;

    public VendorHttp(String vendor, Duration timeout, FailureClassifier classifier) {
        this.vendor = vendor;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.classifier = classifier;
    }

    /** Sends and classifies: the answer, or its failure thrown. */
    public Response send(HttpRequest.Builder request, String what) {
        return classify(exchange(request, what));
    }

    /** Sends without classifying (a caller that first reacts to some answers itself). */
    public Response exchange(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Retryable(vendor + " did not answer " + what + " in time", null);
        } catch (IOException e) {
            throw new ConnectorException.Retryable(vendor + " unreachable: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Retryable("interrupted while calling " + vendor, null);
        }
    }

    public Response classify(Response response) {
        Optional<ConnectorException> failure = classifier.failureOf(response);
        if (failure.isPresent()) {
            throw failure.get();
        }
        return response;
    }
}
