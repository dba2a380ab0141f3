package io.tradingedu.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OpenID issuer for tests: serves {@code /.well-known/openid-configuration} and the JWKS of an RSA key it
 * generated, and signs tokens with that key (or, for forgeries, with another one).
 */
final class StubIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    StubIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/realms/test/jwks", exchange ->
                answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** A token of this issuer for {@code scope} (space-separated), valid for the next five minutes. */
    String token(String scope) {
        return sign(key, issuer, scope, Instant.now().plusSeconds(300));
    }

    /** A valid token of this issuer, but for another audience than the services'. */
    String tokenFor(String audience, String scope) {
        return sign(key, issuer, audience, scope, Instant.now().plusSeconds(300));
    }

    String expiredToken(String scope) {
        return sign(key, issuer, scope, Instant.now().minusSeconds(3600));
    }

    /** Right issuer, key and audience, but no {@code exp}: it would be good forever. */
    String tokenWithoutExpiry(String scope) {
        return sign(key, issuer, "tradingedu", scope, null);
    }

    String tokenOfAnotherIssuer(String scope) {
        return sign(key, "http://127.0.0.1:1/realms/elsewhere", scope, Instant.now().plusSeconds(300));
    }

    /** Right issuer and claims, signed by a key the issuer never published. */
    String forgedToken(String scope) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(), issuer, scope,
                    Instant.now().plusSeconds(300));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey signer, String issuer, String scope, Instant expires) {
        return sign(signer, issuer, "tradingedu", scope, expires);
    }

    /** {@code expires} null: a token without {@code exp}. */
    private static String sign(RSAKey signer, String issuer, String audience, String scope, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("trader-1")
                .audience(List.of(audience)).claim("scope", scope)
                .issueTime(Date.from(expires == null ? Instant.now().minusSeconds(60) : expires.minusSeconds(600)))
                .expirationTime(expires == null ? null : Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
