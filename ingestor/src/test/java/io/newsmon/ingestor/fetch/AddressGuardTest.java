package io.newsmon.ingestor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(List.of());

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/",
      // IPv4-compatible forms
      "http://[::127.0.0.1]/", "http://[::7f00:1]/", "http://[::a00:1]/",
      // NAT64, well-known and local-use prefixes
      "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b:1::c0a8:101]/",
      // 6to4 of 127.0.0.1, 10.0.0.1 and 192.168.1.1
      "http://[2002:7f00:1::]/", "http://[2002:a00:1::1]/", "http://[2002:c0a8:101::]/",
      // Teredo whose client address is 127.0.0.1 (stored inverted)
      "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
      "http://[fd00::1]/", "http://[fe80::1]/"})
  void refusesAddressesThatReachTheMachineOrItsNetwork(String url) {
    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("blocked-address"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://8.8.8.8/", "http://[2001:4860:4860::8888]/", "http://[2002:808:808::1]/",
      "http://[64:ff9b::808:808]/", "http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/"})
  void letsPublicAddressesThrough(String url) throws FetchException {
    guard.check(URI.create(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/", "file:///etc/passwd", "gopher://x/"})
  void refusesOtherSchemes(String url) {
    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).code()).isEqualTo("bad-url"));
  }

  @org.junit.jupiter.api.Test
  void nameResolutionsAreCachedSoTheClientConnectsWhereTheGuardLooked() {
    assertThat(java.security.Security.getProperty("networkaddress.cache.ttl")).isNotNull();
    assertThat(Integer.parseInt(java.security.Security.getProperty("networkaddress.cache.ttl"))).isPositive();
  }
}
