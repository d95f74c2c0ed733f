package org.painladder.domain.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 audit keys for unit tests: the current key id and the secrets of every configured id. */
public record TestKeys(String currentKeyId, Map<String, String> secrets) implements AuditKeys {

    public static TestKeys only(String keyId, String secret) {
        return new TestKeys(keyId, Map.of(keyId, secret));
    }

    @Override
    public Optional<String> mac(String keyId, String content) {
        String secret = secrets.get(keyId);
        if (secret == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
