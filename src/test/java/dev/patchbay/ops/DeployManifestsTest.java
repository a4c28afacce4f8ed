package dev.patchbay.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml and deploy/kubernetes/patchbay.yaml, parsed: HTTPS in front, forwarded headers from
 * that proxy only, probes on health endpoints this application answers, and the image the build makes.
 */
@QuarkusTest
class DeployManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DEPLOY = Path.of("deploy");

    private static JsonNode compose;
    private static Map<String, JsonNode> kubernetes;
    private static String builtImage;
    private static int appPort;

    @BeforeAll
    static void read() throws IOException {
        compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
        kubernetes = new HashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(DEPLOY.resolve("kubernetes/patchbay.yaml").toFile())) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                kubernetes.put(document.get("kind").asText(), document);
            }
        }
        String pom = Files.readString(Path.of("pom.xml"));
        builtImage = "patchbay:" + group(Pattern.compile("<artifactId>patchbay</artifactId>\\s*<version>([^<]+)</version>"),
                pom);
        assertTrue(pom.contains("<patchbay.image.name>patchbay:${project.version}</patchbay.image.name>"));
        appPort = Integer.parseInt(group(Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$"),
                Files.readString(Path.of("src/main/resources/application.properties"))));
    }

    @Test
    void composeTerminatesHttpsInCaddyAndPatchbayBelievesOnlyCaddysForwardedHeaders() throws IOException {
        JsonNode services = compose.get("services");
        JsonNode caddy = services.get("caddy");
        assertTrue(caddy.get("image").asText().startsWith("caddy:"), "Caddy gets and renews the certificate");
        assertTrue(texts(caddy.get("ports")).contains("443:443"), "HTTPS is published");
        assertTrue(texts(caddy.get("volumes")).contains("./Caddyfile:/etc/caddy/Caddyfile:ro"));

        String caddyfile = Files.readString(DEPLOY.resolve("Caddyfile"));
        assertTrue(caddyfile.contains("{$PATCHBAY_DOMAIN} {"), "the site is the configured domain: automatic HTTPS");
        assertEquals("patchbay:" + appPort, group(Pattern.compile("reverse_proxy\\s+(\\S+)"), caddyfile),
                "Caddy forwards to Patchbay's HTTP port");

        JsonNode patchbay = services.get("patchbay");
        assertFalse(patchbay.has("ports"), "Patchbay's plain HTTP is not published next to Caddy");
        assertEquals("${PATCHBAY_IMAGE:-" + builtImage + "}", patchbay.get("image").asText(),
                "the image mvn -Pimage package builds");
        JsonNode env = patchbay.get("environment");
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText());
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText());

        String trusted = env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText();
        JsonNode caddyNetworks = caddy.get("networks");
        String network = caddyNetworks.fieldNames().next();
        assertEquals(trusted, caddyNetworks.get(network).get("ipv4_address").asText(), "the trusted proxy is Caddy");
        assertTrue(texts(patchbay.get("networks")).contains(network), "on a network Patchbay shares");
        JsonNode ipam = compose.at("/networks/" + network + "/ipam/config/0");
        assertTrue(inCidr(trusted, ipam.get("subnet").asText()));
        assertFalse(inCidr(trusted, ipam.get("ip_range").asText()), "no other container can be given Caddy's address");
    }

    @Test
    void kubernetesProbesAskHealthEndpointsThisApplicationAnswers() {
        JsonNode container = kubernetes.get("Deployment").at("/spec/template/spec/containers/0");
        assertEquals(appPort, containerPort(container, "http"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = container.at("/" + probe + "/httpGet");
            assertEquals("http", get.get("port").asText(), probe);
            given().get(get.get("path").asText()).then().statusCode(200);
        }
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(),
                "readiness never includes a vendor");
    }

    @Test
    void kubernetesRunsTheBuiltImageAsItsUserWithResourcesAndADisruptionBudget() {
        JsonNode pod = kubernetes.get("Deployment").at("/spec/template");
        JsonNode container = pod.at("/spec/containers/0");
        assertEquals(builtImage, container.get("image").asText(), "the image mvn -Pimage package builds, by version");
        assertEquals(65534, pod.at("/spec/securityContext/runAsUser").asInt(), "the image's user");
        assertTrue(pod.at("/spec/securityContext/runAsNonRoot").asBoolean());
        for (String path : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            assertFalse(container.at(path).asText().isBlank(), path);
        }
        JsonNode budget = kubernetes.get("PodDisruptionBudget");
        assertEquals(pod.at("/metadata/labels"), budget.at("/spec/selector/matchLabels"), "the budget covers the pods");
        assertTrue(budget.at("/spec/minAvailable").asInt()
                < kubernetes.get("Deployment").at("/spec/replicas").asInt(), "a node can still be drained");
        List<String> env = new ArrayList<>();
        container.get("env").forEach(variable -> env.add(variable.get("name").asText()));
        assertTrue(env.containsAll(List.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")), env.toString());
    }

    @Test
    void theIngressServesHttpsForItsHostAndReachesTheService() {
        JsonNode ingress = kubernetes.get("Ingress");
        JsonNode tls = ingress.at("/spec/tls/0");
        assertFalse(tls.get("secretName").asText().isBlank());
        JsonNode rule = ingress.at("/spec/rules/0");
        assertTrue(texts(tls.get("hosts")).contains(rule.get("host").asText()), "the rule's host has a certificate");
        JsonNode backend = rule.at("/http/paths/0/backend/service");
        JsonNode service = kubernetes.get("Service");
        assertEquals(service.at("/metadata/name").asText(), backend.get("name").asText());
        JsonNode servicePort = service.at("/spec/ports/0");
        assertEquals(servicePort.get("name").asText(), backend.at("/port/name").asText());
        assertEquals(appPort, containerPort(kubernetes.get("Deployment").at("/spec/template/spec/containers/0"),
                servicePort.get("targetPort").asText()));
        assertEquals(kubernetes.get("Deployment").at("/spec/template/metadata/labels"), service.at("/spec/selector"));
    }

    @Test
    void everyVariableTheManifestsGivePatchbayIsAConfigurationKeyItReads() throws IOException {
        Set<String> quarkus = quarkusVariables();
        Set<String> patchbay = patchbayVariables();
        assertTrue(quarkus.contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES") && !quarkus.contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXY"),
                "Quarkus' configuration model was read");
        assertTrue(patchbay.contains("PATCHBAY_SECRETS_KEY") && !patchbay.contains("PATCHBAY_SECRET_KEY"),
                "Patchbay's keys were read");
        Map<String, List<String>> given = new HashMap<>();
        given.put("compose", texts(compose.at("/services/patchbay/environment")));
        List<String> kubernetesEnv = new ArrayList<>();
        kubernetes.get("Deployment").at("/spec/template/spec/containers/0/env")
                .forEach(variable -> kubernetesEnv.add(variable.get("name").asText()));
        given.put("kubernetes", kubernetesEnv);
        given.forEach((manifest, variables) -> {
            assertFalse(variables.isEmpty(), manifest);
            for (String variable : variables) {
                assertTrue(quarkus.contains(variable) || patchbay.contains(variable),
                        manifest + " sets " + variable + ", which is no configuration key of Patchbay or Quarkus");
            }
        });
    }

    /** The environment variable of every property in the configuration models of the Quarkus extensions here. */
    private static Set<String> quarkusVariables() throws IOException {
        Pattern variable = Pattern.compile("\"environmentVariable\"\\s*:\\s*\"([A-Z0-9_]+)\"");
        Set<String> variables = new TreeSet<>();
        for (URL model : Collections.list(DeployManifestsTest.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (InputStream in = model.openStream()) {
                Matcher matcher = variable.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    /** The patchbay.* keys the code reads and application.properties sets or documents, as environment variables. */
    private static Set<String> patchbayVariables() throws IOException {
        Pattern key = Pattern.compile("(?:\"|\\$\\{|^#?(?:%\\w+\\.)?)(patchbay\\.[a-z0-9.-]*[a-z0-9])", Pattern.MULTILINE);
        List<Path> sources = new ArrayList<>(List.of(Path.of("src/main/resources/application.properties")));
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
        }
        Set<String> variables = new TreeSet<>();
        for (Path source : sources) {
            Matcher matcher = key.matcher(Files.readString(source));
            while (matcher.find()) {
                variables.add(matcher.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return variables;
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.get("ports")) {
            if (port.get("name").asText().equals(name)) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array.isObject()) {
            array.fieldNames().forEachRemaining(texts::add);
        } else {
            array.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }

    private static boolean inCidr(String address, String cidr) throws IOException {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) throws IOException {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern.pattern());
        assertNotNull(matcher.group(1));
        return matcher.group(1);
    }
}
