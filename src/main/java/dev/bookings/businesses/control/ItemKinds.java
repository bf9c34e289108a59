package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BusinessItem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Every {@link ItemKind} the application has, found by the collection name a path gives. A bean of its own, not a
 * field of the JAX-RS sub-resource: Jersey inspects a resource's injection points and warned at every start that
 * {@code Instance<ItemKind<?>>} "is not resolvable to a concrete type".
 */
@ApplicationScoped
public class ItemKinds {

    @Inject
    @Any
    Instance<ItemKind<?>> beans;

    private List<ItemKind<?>> kinds;

    @PostConstruct
    void collect() {
        kinds = beans.stream().toList();
    }

    /** The kind whose collection is {@code collection}, in any case. */
    @SuppressWarnings("unchecked")
    public Optional<ItemKind<BusinessItem>> named(String collection) {
        return kinds.stream().filter(kind -> kind.collection().equalsIgnoreCase(collection))
                .map(kind -> (ItemKind<BusinessItem>) kind).findFirst();
    }
}
