package dev.chorus.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.error.Invalid;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static InstanceKey key(int fill) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) fill);
    return InstanceKey.fromBase64(Base64.getEncoder().encodeToString(k));
  }

  @Test
  void aSealedSecretOpensOnlyWithTheSameKeyAndAssociatedData() {
    SecretBox box = new SecretBox(key(1));
    String sealed = box.seal("app-password-123", "channel:42");
    assertThat(sealed).startsWith("v1." + box.keyId() + ".").doesNotContain("app-password");
    assertThat(box.open(sealed, "channel:42")).isEqualTo("app-password-123");
    assertThatThrownBy(() -> box.open(sealed, "channel:43")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed, "channel:42"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("another key");
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    SecretBox box = new SecretBox(key(1));
    assertThat(box.seal("x", "a")).isNotEqualTo(box.seal("x", "a"));
  }

  @Test
  void anAlteredCiphertextDoesNotOpen() {
    SecretBox box = new SecretBox(key(1));
    String sealed = box.seal("token", "a");
    char last = sealed.charAt(sealed.length() - 1);
    String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThatThrownBy(() -> box.open(altered, "a")).isInstanceOf(Invalid.class);
  }
}
