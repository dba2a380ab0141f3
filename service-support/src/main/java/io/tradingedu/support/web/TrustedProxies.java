package io.tradingedu.support.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers whose {@code Forwarded} / {@code X-Forwarded-*} headers are believed: address ranges in CIDR form
 * ({@code 10.0.0.0/8}, {@code ::1/128}) or single addresses. Only literal addresses are accepted, never host names:
 * a name would need a DNS lookup per request, and DNS is not the place to decide whom to trust.
 */
final class TrustedProxies {

    /** Dotted-quad IPv4; each part is checked to be at most 255. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /**
     * The characters of an IPv6 literal (with an IPv4 tail), starting as InetAddress expects of a literal; it must
     * hold a colon as well.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses each entry; an entry that is no address or range is refused with its text, so start-up fails loudly. */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range).toList());
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the peer address (as the servlet container reports it, always a literal) lies in a trusted range. */
    boolean trusts(String peerAddress) {
        if (peerAddress == null) {
            return false;
        }
        byte[] address = literal(peerAddress);
        if (address == null) {
            return false;
        }
        BigInteger value = new BigInteger(1, address);
        return ranges.stream().anyMatch(range -> range.contains(address.length, value));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::text).toList().toString();
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("trusted.proxies: '" + entry
                    + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1/128)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("trusted.proxies: '" + entry + "' has a prefix length outside 0.."
                        + bits);
            }
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Range(entry, address.length, new BigInteger(1, address).and(mask), mask);
    }

    /**
     * The address bytes (4 or 16, an IPv4-mapped IPv6 address as IPv4); null when the text is no literal address.
     * InetAddress looks up in DNS whatever it cannot parse as an address, so it only ever sees IPv6 literals (with a
     * colon, which it never looks up); dotted IPv4 is parsed here, and a word like {@code cafe} is no address.
     */
    private static byte[] literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (IPV4.matcher(host).matches()) {
            return ipv4(host);
        }
        if (host.indexOf(':') < 0 || !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            address[i] = (byte) octet;
        }
        return address;
    }

    private record Range(String text, int length, BigInteger network, BigInteger mask) {

        boolean contains(int addressLength, BigInteger address) {
            return addressLength == length && address.and(mask).equals(network);
        }
    }
}
