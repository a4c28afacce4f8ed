package dev.patchbay.connector.eightbyeight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import org.junit.jupiter.api.Test;

/** A FAILED 8x8 operation is permanent only when 8x8's error says the request itself is invalid. */
class OperationFailureTest {

    @Test
    void aServerSideFailureIsRetryableWithTheReasonKept() throws Exception {
        ConnectorException failure = EightByEightHttp.operationFailed("op-1", json("""
                {"status":500,"title":"Internal Server Error","errors":[{"code":"UNKNOWN","message":"downstream glitch"}]}"""));
        assertInstanceOf(ConnectorException.Retryable.class, failure);
        assertEquals("8x8 operation op-1 failed: downstream glitch", failure.getMessage());
        assertEquals(java.util.Optional.empty(), ((ConnectorException.Retryable) failure).retryAfter(),
                "backs off this job only");
    }

    @Test
    void anUnexplainedFailureIsRetryable() throws Exception {
        assertInstanceOf(ConnectorException.Retryable.class, EightByEightHttp.operationFailed("op-2", json("{}")));
        assertInstanceOf(ConnectorException.Retryable.class,
                EightByEightHttp.operationFailed("op-3", EightByEightHttp.JSON.missingNode()));
    }

    @Test
    void aValidationErrorIsAPermanentRefusal() throws Exception {
        ConnectorException failure = EightByEightHttp.operationFailed("op-4", json("""
                {"status":400,"title":"Validation error",
                 "errors":[{"field":"basicInfo.userName","code":"VALIDATION_ERROR","message":"userName already in use"}]}"""));
        assertInstanceOf(ConnectorException.Rejected.class, failure);
        assertEquals("8x8 operation op-4 failed: basicInfo.userName: userName already in use", failure.getMessage());
        assertInstanceOf(ConnectorException.Rejected.class, EightByEightHttp.operationFailed("op-5", json("""
                {"errors":[{"code":"VALIDATION_ERROR","message":"site is required"}]}""")));
    }

    @Test
    void aRateLimitOrTimeoutInsideTheOperationIsRetryable() throws Exception {
        assertInstanceOf(ConnectorException.Retryable.class, EightByEightHttp.operationFailed("op-6", json("""
                {"status":429,"errors":[{"code":"TOO_MANY_REQUESTS","message":"Rate limit exceeded"}]}""")));
        assertInstanceOf(ConnectorException.Retryable.class, EightByEightHttp.operationFailed("op-7", json("""
                {"status":408,"errors":[{"code":"REQUEST_TIMEOUT","message":"downstream timed out"}]}""")));
    }

    private static JsonNode json(String text) throws Exception {
        return EightByEightHttp.JSON.readTree(text);
    }
}
