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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Sends without classifying (a caller that first reacts to some answers itself). The request's timeout
     * ends with the answer's headers; a body that then stops coming (an HTTP/2 stream that never ends, seen
     * against the simulators) is bounded by a second timeout, so that no call waits for ever.
     */
    public Response exchange(HttpRequest.Builder request, String what) {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = answer.get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ConnectorException.Retryable(vendor + " did not finish answering " + what + " in time", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new ConnectorException.Retryable(vendor + " did not answer " + what + " in time", null);
            }
            if (e.getCause() instanceof IOException io) {
                throw new ConnectorException.Retryable(vendor + " unreachable: " + io.getMessage(), null);
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
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
