package dev.bookings.platform.query;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.query.QueryableProperties.Property;
import dev.bookings.platform.query.QueryableProperties.Type;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a list or count of one entity type with Graph's query options, through the JPA criteria API: the
 * collection's own scope (business, tenant, status, range) AND the {@code $filter}, ordered by {@code $orderby}
 * then the collection's own order (which ends in a unique key, so pages never overlap). Every value from the
 * request is a bound parameter; no SQL or JPQL is built from request text.
 *
 * @param <T> the entity type
 */
public final class CriteriaListing<T> {

    /** The part of the where clause the collection itself sets, its values bound through {@code parameters}. */
    @FunctionalInterface
    public interface Scope<T> {
        Predicate where(CriteriaBuilder cb, Root<T> root, Parameters parameters);
    }

    /** Makes bound parameters. */
    @FunctionalInterface
    public interface Parameters {
        <X> ParameterExpression<X> bind(Class<X> type, X value);
    }

    private final EntityManager em;
    private final Class<T> type;
    private final QueryableProperties properties;
    private final Scope<T> scope;
    private final List<String> naturalOrder;

    /**
     * @param naturalOrder attributes that order the collection when {@code $orderby} does not, ending in a unique one
     */
    public CriteriaListing(EntityManager em, Class<T> type, QueryableProperties properties, Scope<T> scope,
            List<String> naturalOrder) {
        this.em = em;
        this.type = type;
        this.properties = properties;
        this.scope = scope;
        this.naturalOrder = naturalOrder;
    }

    /** One page (plus one row, to know whether another follows). */
    public List<T> page(QueryOptions options) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        Bindings bindings = new Bindings();
        query.select(root).where(where(cb, root, options.filter(), bindings));
        List<Order> order = new ArrayList<>();
        for (OrderKey key : options.orderBy()) {
            Path<?> path = root.get(properties.queryable(key.property(), "$orderby").attribute());
            order.add(key.descending() ? cb.desc(path) : cb.asc(path));
        }
        naturalOrder.forEach(attribute -> order.add(cb.asc(root.get(attribute))));
        query.orderBy(order);
        TypedQuery<T> typed = em.createQuery(query);
        bindings.bind(typed);
        return typed.setFirstResult(options.paging().offset()).setMaxResults(options.paging().fetch()).getResultList();
    }

    /** How many items the collection holds that match {@code filter} (null: all). */
    public long count(Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(type);
        Bindings bindings = new Bindings();
        query.select(cb.count(root)).where(where(cb, root, filter, bindings));
        TypedQuery<Long> typed = em.createQuery(query);
        bindings.bind(typed);
        return typed.getSingleResult();
    }

    private Predicate where(CriteriaBuilder cb, Root<T> root, Filter filter, Bindings bindings) {
        Predicate own = scope.where(cb, root, new Parameters() {
            @Override
            public <X> ParameterExpression<X> bind(Class<X> type, X value) {
                return bindings.add(cb, type, value);
            }
        });
        return filter == null ? own : cb.and(own, new Translation(cb, root, bindings).predicate(filter));
    }

    /** The parameters a query was built with, bound once it exists. */
    private static final class Bindings {
        private final List<ParameterExpression<?>> parameters = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        <X> ParameterExpression<X> add(CriteriaBuilder cb, Class<X> type, X value) {
            ParameterExpression<X> parameter = cb.parameter(type, "p" + parameters.size());
            parameters.add(parameter);
            values.add(value);
            return parameter;
        }

        @SuppressWarnings("unchecked")
        void bind(TypedQuery<?> query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter((ParameterExpression<Object>) parameters.get(i), values.get(i));
            }
        }
    }

    /** A filter tree turned into a predicate on one root. */
    private final class Translation {
        private final CriteriaBuilder cb;
        private final Root<T> root;
        private final Bindings bindings;

        Translation(CriteriaBuilder cb, Root<T> root, Bindings bindings) {
            this.cb = cb;
            this.root = root;
            this.bindings = bindings;
        }

        Predicate predicate(Filter filter) {
            if (filter instanceof Filter.And and) {
                return cb.and(predicate(and.left()), predicate(and.right()));
            }
            if (filter instanceof Filter.Or or) {
                return cb.or(predicate(or.left()), predicate(or.right()));
            }
            if (filter instanceof Filter.Not not) {
                return cb.not(predicate(not.operand()));
            }
            if (filter instanceof Filter.Comparison comparison) {
                return comparison(comparison);
            }
            if (filter instanceof Filter.In in) {
                return in(in);
            }
            return call((Filter.Call) filter);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Predicate comparison(Filter.Comparison c) {
            Property property = properties.queryable(c.property(), "$filter");
            Path<?> path = root.get(property.attribute());
            if (c.value() == null) {
                return switch (c.operator()) {
                    case "eq" -> cb.isNull(path);
                    case "ne" -> cb.isNotNull(path);
                    default -> throw new InvalidRequest("Only eq and ne compare with null in '$filter'.");
                };
            }
            if (property.type() == Type.BOOLEAN && !c.operator().equals("eq") && !c.operator().equals("ne")) {
                throw new InvalidRequest("Property '" + property.name() + "' is true or false; compare it with eq or ne.");
            }
            Expression value = parameter(property, path, c.value());
            Expression<Comparable> left = (Expression<Comparable>) path;
            return switch (c.operator()) {
                case "eq" -> cb.equal(path, value);
                // OData's ne holds for a null property too; SQL's <> would not
                case "ne" -> cb.or(cb.isNull(path), cb.notEqual(path, value));
                case "gt" -> cb.greaterThan(left, (Expression<Comparable>) value);
                case "ge" -> cb.greaterThanOrEqualTo(left, (Expression<Comparable>) value);
                case "lt" -> cb.lessThan(left, (Expression<Comparable>) value);
                case "le" -> cb.lessThanOrEqualTo(left, (Expression<Comparable>) value);
                default -> throw new IllegalStateException(c.operator());
            };
        }

        private Predicate in(Filter.In in) {
            Property property = properties.queryable(in.property(), "$filter");
            Path<?> path = root.get(property.attribute());
            CriteriaBuilder.In<Object> predicate = cb.in(path);
            for (Object value : in.values()) {
                if (value == null) {
                    throw new InvalidRequest("'in' in '$filter' takes no null; use eq null.");
                }
                predicate.value(parameter(property, path, value));
            }
            return predicate;
        }

        private Predicate call(Filter.Call call) {
            Property property = properties.queryable(call.property(), "$filter");
            if (property.type() != Type.STRING) {
                throw new InvalidRequest("'" + call.function() + "' in '$filter' applies to text properties; '"
                        + property.name() + "' is not one.");
            }
            String escaped = call.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            String pattern = call.function().equals("startswith") ? escaped + "%" : "%" + escaped + "%";
            Path<String> path = root.get(property.attribute());
            return cb.like(cb.lower(path), bindings.add(cb, String.class, pattern), '\\');
        }

        private Expression<?> parameter(Property property, Path<?> path, Object value) {
            return switch (property.type()) {
                case STRING -> {
                    if (!(value instanceof String text)) {
                        throw mismatch(property, "a quoted string");
                    }
                    yield bindings.add(cb, String.class, text);
                }
                case BOOLEAN -> {
                    if (!(value instanceof Boolean bool)) {
                        throw mismatch(property, "true or false");
                    }
                    yield bindings.add(cb, Boolean.class, bool);
                }
                case NUMBER -> {
                    if (!(value instanceof BigDecimal number)) {
                        throw mismatch(property, "a number");
                    }
                    yield number(path.getJavaType(), number);
                }
                case DATE_TIME -> bindings.add(cb, OffsetDateTime.class, dateTime(property, value));
            };
        }

        private Expression<?> number(Class<?> javaType, BigDecimal number) {
            if (javaType == Integer.class || javaType == int.class) {
                try {
                    return bindings.add(cb, Integer.class, number.intValueExact());
                } catch (ArithmeticException e) {
                    // a fraction or a huge number against a whole-number property: compare exactly as a decimal
                    return bindings.add(cb, Double.class, number.doubleValue());
                }
            }
            return bindings.add(cb, Double.class, number.doubleValue());
        }

        private OffsetDateTime dateTime(Property property, Object value) {
            String text = value instanceof Filter.DateTimeLiteral literal ? literal.text()
                    : value instanceof String string ? string : null;
            if (text == null) {
                throw mismatch(property, "a date-time such as '2026-05-01T12:00:00Z'");
            }
            OffsetDateTime parsed;
            try {
                parsed = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                try {
                    // Graph's dateTime strings carry no offset; they are UTC, as the service writes them
                    parsed = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeException again) {
                    parsed = null;
                }
            }
            if (parsed == null || parsed.getYear() < GraphTimes.MIN_YEAR || parsed.getYear() > GraphTimes.MAX_YEAR) {
                throw new InvalidRequest("'" + text + "' in '$filter' is not a date-time such as '2026-05-01T12:00:00Z'.");
            }
            return parsed;
        }

        private InvalidRequest mismatch(Property property, String expected) {
            return new InvalidRequest("Property '" + property.name() + "' in '$filter' is compared with " + expected + ".");
        }
    }
}
