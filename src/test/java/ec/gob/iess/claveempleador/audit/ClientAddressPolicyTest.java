package ec.gob.iess.claveempleador.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressPolicyTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "TRUNCATE, 203.0.113.77,                 203.0.113.0/24",
            "TRUNCATE, 10.0.4.10,                    10.0.4.0/24",
            "TRUNCATE, 2001:db8:abcd:12:34::1,       2001:db8:abcd::/48",
            "TRUNCATE, 0:0:0:0:0:0:0:1,              0:0:0::/48",
            "TRUNCATE, ::ffff:198.51.100.9,          198.51.100.0/24",
            "TRUNCATE, proxy.example,                -",
            "TRUNCATE, 203.0.113.77.example,         -",
            "KEEP,     203.0.113.77,                 203.0.113.77",
            "KEEP,     2001:db8:abcd:12:34::1,       2001:db8:abcd:12:34::1",
            "OMIT,     203.0.113.77,                 -",
            "OMIT,     2001:db8:abcd:12:34::1,       -",
            "TRUNCATE, -,                            -",
    })
    void storesAsMuchOfTheAddressAsConfigured(ClientAddressPolicy policy, String address, String stored) {
        assertThat(policy.apply(address)).isEqualTo(java.util.Optional.ofNullable(stored));
    }
}
