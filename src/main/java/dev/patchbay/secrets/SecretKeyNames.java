package dev.patchbay.secrets;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which connection settings keys name a secret: passwords, client secrets, API keys, tokens, credentials. */
public final class SecretKeyNames {

    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(secret|password|passwd|token|apikey|api_key|api-key|privatekey|private_key|credential).*");

    private SecretKeyNames() {
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }
}
