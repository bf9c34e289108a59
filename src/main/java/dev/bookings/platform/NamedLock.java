package dev.bookings.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row that exists only to be locked ({@link NamedLocks}): one per name, created on first use. */
@Entity
@Table(name = "named_lock")
public class NamedLock {

    @Id
    private String name;

    protected NamedLock() {
    }

    NamedLock(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
