package dev.bookings.security;

import dev.bookings.errors.ErrorPageServlet;
import dev.bookings.errors.RequestIds;
import dev.bookings.errors.WebApplicationExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every request to the Graph API ({@code /beta/…}, {@code /v1.0/…}) must carry a valid bearer token: like
 * Graph, nothing there is anonymous. A missing or bad token is answered 401 with {@code WWW-Authenticate:
 * Bearer} and Graph's error body ({@code InvalidAuthenticationToken}); a good one logs the caller in with its
 * scopes and app roles as groups, which {@code @RolesAllowed} then checks. Elsewhere a token is verified when
 * sent and otherwise the request goes on anonymous, where {@code @DenyAll} resources still refuse it.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String REALM = "bookings";
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");
    /** The request attribute that holds the verified token's principal, for filters that run after login. */
    public static final String PRINCIPAL_ATTRIBUTE = WebApplicationExceptionMapper.CALLER_ATTRIBUTE;

    @Inject
    TokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        RequestIds.ensure(request, response);
        Enumeration<String> headers = request.getHeaders("Authorization");
        String authorization = headers != null && headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers != null && headers.hasMoreElements()) {
            // which one counts is ambiguous (proxies and frameworks disagree): refuse, whatever the order
            return challenge(request, response, context, "More than one Authorization header.", true);
        }
        if (authorization == null || authorization.isBlank()) {
            return isApi(request) ? challenge(request, response, context, "Access token is empty.", false)
                    : context.doNothing();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return challenge(request, response, context, "Access token is missing: use the Bearer scheme.", false);
        }
        try {
            TokenPrincipal principal = verifier.verify(authorization.substring(7).trim());
            request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
            return context.notifyContainerAboutLogin(principal, principal.getGroups());
        } catch (TokenRejected e) {
            return challenge(request, response, context, e.getMessage(), true);
        }
    }

    /** Whether the request addresses the Graph API, whose every operation needs a token. */
    public static boolean isApi(HttpServletRequest request) {
        // matrix parameters (";x=y") do not change which resource a path names, so they do not change this either
        String path = MATRIX_PARAMETERS.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .replaceAll("").toLowerCase(Locale.ROOT);
        return path.startsWith("/beta/") || path.startsWith("/v1.0/") || path.equals("/beta") || path.equals("/v1.0");
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String message, boolean tokenPresent) {
        response.setHeader("WWW-Authenticate", tokenPresent
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                : "Bearer realm=\"" + REALM + "\"");
        request.setAttribute(ErrorPageServlet.CODE_ATTRIBUTE, "InvalidAuthenticationToken");
        request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, message);
        return context.responseUnauthorized();
    }
}
