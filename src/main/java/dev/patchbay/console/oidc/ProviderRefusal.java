package dev.patchbay.console.oidc;

/** The provider could not be reached, or refused a token request; the message says which, for the page. */
public class ProviderRefusal extends RuntimeException {

    public ProviderRefusal(String message) {
        super(message);
    }
}
