package dev.patchbay.secrets;

/** A stored secret cannot be decrypted: wrong or missing key, or a damaged value. Never carries the secret. */
public class SecretDecryptionException extends IllegalStateException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
