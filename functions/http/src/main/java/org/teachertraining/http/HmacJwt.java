package org.teachertraining.http;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** HS256 JSON Web Tokens: minted and verified by the local runtime only (AWS uses Cognito and the API Gateway authorizer). */
public final class HmacJwt {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;

    public HmacJwt(byte[] secret) {
        if (secret.length < 32) throw new IllegalArgumentException("HS256 secret must be at least 32 bytes");
        this.secret = secret.clone();
    }

    public String sign(Map<String, Object> claims) {
        String payload = B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return HEADER + "." + payload + "." + B64.encodeToString(mac(HEADER + "." + payload));
    }

    /** The payload if the signature is right and the token is not expired at {@code nowEpochSeconds}. */
    public Optional<JsonNode> verify(String token, long nowEpochSeconds) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        byte[] expected = mac(parts[0] + "." + parts[1]);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given)) return Optional.empty();
        return decodePayload(token).filter(claims -> !claims.has("exp") || claims.get("exp").asLong() > nowEpochSeconds);
    }

    /** The payload of a token without checking its signature (only where a gateway has checked it). */
    public static Optional<JsonNode> decodePayload(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            var node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
