package dev.patchbay.http;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Patchbay with a certificate configured as the README says: a PEM chain and key through the Quarkus TLS
 * registry, TLS 1.3 and 1.2 only. The self-signed certificate is made by keytool for this run (valid for two
 * days); its PKCS#12 keystore doubles as the clients' trust store. A second, named TLS configuration
 * ({@value #EXPIRED}) holds a certificate that expired eight days ago, for the expiry gauge.
 */
public class TlsFromPemFiles implements QuarkusTestProfile {

    static final String STORE_PASSWORD = "test-store-secret";
    static final Path DIRECTORY = directory();
    static final Path TRUST_STORE = DIRECTORY.resolve("server.p12");
    static final String EXPIRED = "expired";

    @Override
    public Map<String, String> getConfigOverrides() {
        generate();
        return Map.of(
                "quarkus.tls.key-store.pem.0.cert", DIRECTORY.resolve("fullchain.pem").toString(),
                "quarkus.tls.key-store.pem.0.key", DIRECTORY.resolve("privkey.pem").toString(),
                "quarkus.tls." + EXPIRED + ".key-store.pem.0.cert", DIRECTORY.resolve(EXPIRED + "-fullchain.pem").toString(),
                "quarkus.tls." + EXPIRED + ".key-store.pem.0.key", DIRECTORY.resolve(EXPIRED + "-privkey.pem").toString(),
                // HTTPS on quarkus.http.test-ssl-port (8444); a random one (0) hangs the start: Micrometer
                // refuses the HTTPS server's byte meters, tagged unlike the HTTP server's
                "quarkus.tls.protocols", "TLSv1.3,TLSv1.2");
    }

    private static void generate() {
        if (Files.exists(DIRECTORY.resolve(EXPIRED + "-privkey.pem"))) {
            return;
        }
        makeCertificate(TRUST_STORE, "", List.of("-validity", "2"));
        makeCertificate(DIRECTORY.resolve(EXPIRED + ".p12"), EXPIRED + "-", List.of("-startdate", "-10d", "-validity", "2"));
    }

    /** A self-signed certificate for localhost in a PKCS#12 store, and as PEM files named with the prefix. */
    private static void makeCertificate(Path store, String prefix, List<String> validity) {
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "patchbay",
                    "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", STORE_PASSWORD));
            command.addAll(validity);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD.toCharArray());
            }
            Files.writeString(DIRECTORY.resolve(prefix + "fullchain.pem"),
                    pem("CERTIFICATE", keys.getCertificate("patchbay").getEncoded()));
            Files.writeString(DIRECTORY.resolve(prefix + "privkey.pem"),
                    pem("PRIVATE KEY", keys.getKey("patchbay", STORE_PASSWORD.toCharArray()).getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The certificate of a PEM file this profile wrote ("fullchain.pem", "expired-fullchain.pem"). */
    static X509Certificate certificate(String file) {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return String.join("\n", List.of("-----BEGIN " + type + "-----", body, "-----END " + type + "-----", ""));
    }

    /** One per JVM: Quarkus loads this class in more than one class loader, and all must see the same files. */
    private static synchronized Path directory() {
        String property = "patchbay.test.tls-directory";
        try {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Files.createTempDirectory("patchbay-tls").toString());
            }
            return Path.of(System.getProperty(property));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
