package dev.chorus.core.security;

import dev.chorus.core.error.Invalid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (channel tokens and passwords) with AES-256-GCM under a key derived from
 * the {@link InstanceKey}. The output names the key it was made with ({@code v1.<key-id>.<base64>})
 * so a rotation can tell old from new. The associated data binds a ciphertext to what it protects
 * (such as a channel id), so a ciphertext copied onto another row does not decrypt. Thread-safe.
 */
public final class SecretBox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key;
  private final String keyId;

  public SecretBox(InstanceKey instanceKey) {
    this.key = instanceKey.sign("secretbox-v1", "aes-256-gcm");
    this.keyId =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(instanceKey.sign("secretbox-id", "v1"))
            .substring(0, 8);
  }

  /** The id of the key this box encrypts with, as written into every ciphertext. */
  public String keyId() {
    return keyId;
  }

  public String seal(String plaintext, String associatedData) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
      return "v1." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from the JDK", e);
    }
  }

  /**
   * Decrypts what {@link #seal} made with this key and the same associated data.
   *
   * @throws Invalid with field {@code secret} when it was made with another key or was altered
   */
  public String open(String sealed, String associatedData) {
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals("v1")) {
      throw new Invalid("secret", "the stored secret is not in a format this Chorus knows");
    }
    if (!parts[1].equals(keyId)) {
      throw new Invalid(
          "secret",
          "the stored secret was encrypted with another key ("
              + parts[1]
              + "); run chorus"
              + " rotate-key with the old key, or reconnect the channel");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(parts[2]);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Invalid("secret", "the stored secret does not decrypt: it was altered or moved");
    }
  }
}
