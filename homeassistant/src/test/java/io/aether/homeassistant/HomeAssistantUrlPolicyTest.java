package io.aether.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HomeAssistantUrlPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8123, http://127.0.0.1:8123",
        "http://192.168.1.20:8123/, http://192.168.1.20:8123",
        "HTTPS://localhost:8123//, https://localhost:8123",
        "http://[::1]:8123, http://[::1]:8123",
        "https://10.0.0.5, https://10.0.0.5"
    })
    void acceptsLocalHomeAssistantUrls(String url, String base) {
        assertThat(HomeAssistantUrlPolicy.check(url)).isEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://127.0.0.1/",
                "file:///etc/passwd",
                "gopher://127.0.0.1:70/",
                "javascript:alert(1)",
                "http://user:pass@127.0.0.1:8123",
                "http://token@127.0.0.1:8123",
                "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]:8123",
                "http://[::ffff:169.254.169.254]/",
                "http://224.0.0.1/",
                "http://0.0.0.0:8123",
                "http://127.0.0.1:8123/?next=x",
                "http://127.0.0.1:8123/#x",
                "http:///nohost",
                "not a url",
                "",
                " "
            })
    void refusesUrlsThatAreNotAHomeAssistantBase(String url) {
        assertThatThrownBy(() -> HomeAssistantUrlPolicy.check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ha_url");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongUrls() {
        assertThatThrownBy(() -> HomeAssistantUrlPolicy.check("http://127.0.0.1/" + "a".repeat(2048)))
                .hasMessageContaining("at most 2048");
    }
}
