package dev.bookings.security;

/** A bearer token that cannot be accepted; the message is safe to show the client. */
class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    TokenRejected(String message) {
        super(message, null, false, false);
    }
}
