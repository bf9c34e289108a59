package dev.bookings.subscriptions.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which subscriber URLs the service calls, from {@code bookings.subscriptions.allowed-url-prefixes}. A prefix is
 * compared as a URL, not as text: its scheme and host must equal the URL's ({@code https://hooks.contoso.com}
 * does not admit {@code https://hooks.contoso.com.evil.net}), so must the port (a prefix without one means the
 * scheme's default; one ending in a bare colon, {@code http://127.0.0.1:}, any port), and the URL's path must start
 * with the prefix's. A prefix that names only a scheme ({@code https://}, the default) admits any host
 * whose every address is public: loopback, private, link-local, shared (100.64/10), unique-local and multicast
 * addresses are refused, so a subscriber cannot make the service call inside its own network. The check runs when
 * a URL is given, again before the handshake, and before every delivery (a name that now resolves elsewhere is
 * refused then).
 */
public final class AllowedUrls {

    private AllowedUrls() {
    }

    public static boolean allowed(List<String> prefixes, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        for (String text : prefixes) {
            String prefix = text.strip();
            int separator = prefix.indexOf("://");
            if (separator <= 0 || !prefix.substring(0, separator).equalsIgnoreCase(scheme)) {
                continue;
            }
            String rest = prefix.substring(separator + 3);
            if (rest.isEmpty()) {
                if (publicHost(host)) {
                    return true;
                }
                continue;
            }
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            int colon = authority.lastIndexOf(':');
            String prefixHost = colon < 0 ? authority : authority.substring(0, colon);
            // no port: the scheme's default; an empty one ("http://127.0.0.1:"): any port
            String prefixPort = colon < 0 ? Integer.toString(scheme.equals("https") ? 443 : 80) : authority.substring(colon + 1);
            if (!prefixHost.equalsIgnoreCase(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                    && !prefixHost.equalsIgnoreCase(host)) {
                continue;
            }
            if (!prefixPort.isEmpty() && !prefixPort.equals(Integer.toString(port(url, scheme)))) {
                continue;
            }
            String urlPath = url.getRawPath() == null ? "" : url.getRawPath();
            if (urlPath.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI url, String scheme) {
        return url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    }

    /** Whether every address the host has is a public one; an unknown host is not. */
    static boolean publicHost(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 169 && second == 254);
        }
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
