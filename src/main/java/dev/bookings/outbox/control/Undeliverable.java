package dev.bookings.outbox.control;

/** An attempt that failed: {@code permanent} when no retry can cure it (an address the mail system refuses). */
public class Undeliverable extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public Undeliverable(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
