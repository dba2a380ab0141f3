package io.tradingedu.deploytests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/**
 * A throwaway self-signed certificate and its key as PEM, made by the JDK's keytool for this test run (kubectl checks
 * that a TLS Secret's certificate and key belong together, so deploy.sh needs a real pair).
 */
final class TestCertificate {

    static final String CERTIFICATE;
    static final String KEY;

    static {
        try {
            Path dir = Files.createTempDirectory("tls");
            Path store = dir.resolve("test.p12");
            char[] password = "test-only".toCharArray();
            Kubectl.Result made = Kubectl.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=edu.example.net", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(password)));
            if (made.exit() != 0) {
                throw new AssertionError("keytool failed: " + made.err());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            CERTIFICATE = pem("CERTIFICATE", keys.getCertificate("tls").getEncoded());
            KEY = pem("PRIVATE KEY", keys.getKey("tls", password).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestCertificate() {
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----";
    }
}
