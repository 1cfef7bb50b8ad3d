package io.aether.homeassistant;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which Home Assistant URLs a caller may hand us (first-time setup): http or https, a host, no
 * credentials, query or fragment, and no address that only makes sense as a server-side request
 * forgery target (link-local such as cloud metadata at 169.254.169.254, multicast, wildcard).
 * Private and loopback addresses stay allowed: that is where Home Assistant usually lives. The
 * client that then calls the URL follows no redirects and has short timeouts.
 */
public final class HomeAssistantUrlPolicy {
    public static final int MAX_LENGTH = 2048;

    private HomeAssistantUrlPolicy() {}

    /** The URL as a base (no trailing slash), or IllegalArgumentException with a message safe to show. */
    public static String check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ha_url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("ha_url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ha_url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("ha_url must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ha_url must not contain credentials; send the token as ha_token");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ha_url must name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("ha_url must not have a query or fragment");
        }
        checkAddresses(uri.getHost());
        String base = scheme + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static void checkAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("ha_url host cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress()
                    || address.isMulticastAddress()
                    || address.isAnyLocalAddress()
                    || isIpv4MappedLinkLocal(address)) {
                throw new IllegalArgumentException(
                        "ha_url points to an address Aether does not call " + "(link-local, multicast or wildcard)");
            }
        }
    }

    /** ::ffff:169.254.x.x is link-local in disguise. */
    private static boolean isIpv4MappedLinkLocal(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff
                && (bytes[11] & 0xff) == 0xff
                && (bytes[12] & 0xff) == 169
                && (bytes[13] & 0xff) == 254;
    }
}
