package dev.bookings.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the correlation headers on every response, error dispatches included, and makes the rest of the chain
 * write through {@link ClientGoneResponse}, so that a client gone before its answer costs no stack trace.
 */
@WebFilter(filterName = "RequestIdFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestIds.ensure(request, response);
        chain.doFilter(request, response instanceof ClientGoneResponse ? response : new ClientGoneResponse(response));
    }
}
