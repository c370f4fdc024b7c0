package ec.gob.iess.claveempleador.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How much of the client's address the audit trail keeps ({@code clave.audit.client-address}). An address is
 * personal data: {@code truncate} keeps the network (IPv4 /24, IPv6 /48), enough to tell a centre's network or
 * a provider from another, not the household.
 */
public enum ClientAddressPolicy {
    KEEP,
    TRUNCATE,
    OMIT;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    /** The address as it may be stored; empty when nothing of it may. */
    public Optional<String> apply(String address) {
        if (address == null || address.isBlank() || this == OMIT) {
            return Optional.empty();
        }
        if (this == KEEP) {
            return Optional.of(address);
        }
        return literal(address).map(ClientAddressPolicy::network);
    }

    /**
     * Only literals are parsed, so that no name is ever looked up; anything else is not stored (the container
     * reports literals; something else would be a proxy's invention).
     */
    private static Optional<InetAddress> literal(String address) {
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4));
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
